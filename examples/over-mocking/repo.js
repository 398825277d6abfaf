const invites = [];
module.exports = {
  async findUser(email) { return { id: email.length, email }; },
  async findInvites(userId) { return invites.filter((entry) => entry.userId === userId); },
  async expire(id) { invites.splice(invites.findIndex((entry) => entry.id === id), 1); },
  async saveInvite(entry) { invites.push({ id: invites.length + 1, ...entry }); },
};
