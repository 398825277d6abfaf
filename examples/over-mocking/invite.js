const repo = require('./repo');
const mailer = require('./mailer');

async function invite(email) {
  const user = await repo.findUser(email);
  const old = await repo.findInvites(user.id);
  await Promise.all(old.map((entry) => repo.expire(entry.id)));
  await repo.saveInvite({ userId: user.id, at: Date.now() });
  await mailer.send(email, 'You are invited');
  return { invited: true };
}

module.exports = { invite };
