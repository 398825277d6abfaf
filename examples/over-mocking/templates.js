module.exports = {
  render(name, token) { return name === 'invite' ? `You are invited: ${token}` : ''; },
};
