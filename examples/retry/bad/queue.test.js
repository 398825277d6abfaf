// mocha + chai + sinon: a job queue test that pins the retry default.
const { expect } = require('chai');
const sinon = require('sinon');

const { runWithRetry } = require('../queue');

describe('job retries', function () {
  it('stops retrying a job that always fails', async function () {
    const job = sinon.stub().rejects(new Error('boom'));
    await runWithRetry(job).catch(() => {});
    // no-magic-retry-count: the attempt count is the queue's default, not configured here.
    expect(job.callCount).to.equal(5);
  });
});
