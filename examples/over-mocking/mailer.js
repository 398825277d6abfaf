module.exports = {
  async send(to, subject) { return { to, subject }; },
};
