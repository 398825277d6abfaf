// One fake at the boundary (the mailer); the repository runs for real.
const sinon = require('sinon');
const { expect } = require('chai');

const mailer = require('../mailer');
const repo = require('../repo');
const { invite } = require('../invite');

describe('invite', function () {
  afterEach(function () {
    sinon.restore();
  });

  it('mails the invitee and stores one invite', async function () {
    const send = sinon.replace(mailer, 'send', sinon.fake.resolves({}));
    const onSaved = sinon.spy();

    await invite('a@b.c').then(onSaved);

    expect(send.calledOnceWith('a@b.c')).to.equal(true);
    expect(onSaved.calledOnce).to.equal(true);
    expect(await repo.findInvites(5)).to.have.length(1);
  });
});
