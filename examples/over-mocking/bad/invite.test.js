// Over-mocked (mocha + sinon): the hook and the test stub every step of invite(), and the test
// only checks that the stubs were called with what other stubs returned.
const sinon = require('sinon');
const { expect } = require('chai');

const limits = require('../limits');
const mailer = require('../mailer');
const repo = require('../repo');
const templates = require('../templates');
const tokens = require('../tokens');
const { invite } = require('../invite');

describe('invite', function () {
  const sandbox = sinon.createSandbox();
  const oldInvite = { id: 2 };
  const body = 'hi';

  beforeEach(function () {
    sandbox.stub(limits, 'allow').returns(true);
    sandbox.stub(repo, 'findUser').resolves({ id: 1 });
    sandbox.stub(repo, 'saveInvite').resolves();
    sandbox.stub(mailer, 'send').resolves();
    sandbox.stub(tokens, 'create').returns('t1');
    sandbox.stub(templates, 'render').returns(body);
  });

  afterEach(function () {
    sandbox.restore();
  });

  // max-mocks-per-test: 6 stubs in the hook + 3 in the test, and the checks only find the stubs' own
  // values (the invite `findInvites` returned, the body `render` returned) passed on to other stubs.
  it('expires old invites', async function () {
    sandbox.stub(repo, 'findInvites').resolves([oldInvite]);
    const expire = sandbox.stub(repo, 'expire').resolves();
    sandbox.stub(Date, 'now').returns(0);
    await invite('a@b.c');
    expect(expire.calledOnceWith(oldInvite.id)).to.equal(true);
    sinon.assert.calledWith(mailer.send, 'a@b.c', body);
  });
});
