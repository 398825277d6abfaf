// mocha + chai + sinon: the attempts are configured by the test and the count derived from them.
const { expect } = require('chai');
const sinon = require('sinon');

const { runWithRetry } = require('../queue');

describe('job retries', function () {
  it('stops retrying a job that always fails', async function () {
    const attempts = 5;
    const job = sinon.stub().rejects(new Error('boom'));
    await runWithRetry(job, { attempts }).catch(() => {});
    expect(job.callCount).to.equal(attempts);
  });

  it('retries until the third call succeeds', async function () {
    const job = sinon.stub().rejects(new Error('boom'));
    job.onCall(2).resolves('done');
    await runWithRetry(job, { attempts: 10 });
    expect(job.callCount).to.equal(3);
  });
});
