// Over-mocked (mocha + sinon): the hook and the test stub every step of invite().
const sinon = require('sinon');
const { expect } = require('chai');

const mailer = require('../mailer');
const repo = require('../repo');
const { invite } = require('../invite');

describe('invite', function () {
  const sandbox = sinon.createSandbox();

  beforeEach(function () {
    sandbox.stub(repo, 'findUser').resolves({ id: 1 });
    sandbox.stub(repo, 'saveInvite').resolves();
    sandbox.stub(mailer, 'send').resolves();
  });

  afterEach(function () {
    sandbox.restore();
  });

  // max-mocks-per-test: 3 stubs in the hook + 3 in the test.
  it('expires old invites', async function () {
    sandbox.stub(repo, 'findInvites').resolves([{ id: 2 }]);
    const expire = sandbox.stub(repo, 'expire').resolves();
    sandbox.stub(Date, 'now').returns(0);
    await invite('a@b.c');
    expect(expire.calledOnceWith(2)).to.equal(true);
  });
});
