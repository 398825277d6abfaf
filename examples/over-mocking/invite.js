const repo = require('./repo');
const mailer = require('./mailer');
const limits = require('./limits');
const templates = require('./templates');
const tokens = require('./tokens');

async function invite(email) {
  if (!limits.allow(email)) {
    return { invited: false };
  }
  const user = await repo.findUser(email);
  const old = await repo.findInvites(user.id);
  await Promise.all(old.map((entry) => repo.expire(entry.id)));
  const token = tokens.create(user.id);
  await repo.saveInvite({ userId: user.id, at: Date.now(), token });
  await mailer.send(email, templates.render('invite', token));
  return { invited: true };
}

module.exports = { invite };
