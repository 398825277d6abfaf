module.exports = {
  allow(email) { return email.includes('@'); },
};
