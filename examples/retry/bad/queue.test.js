// mocha + chai + sinon: a job processor test that pins the queue's retry default.
const { expect } = require('chai');
const sinon = require('sinon');

const { processJob } = require('../jobs');

describe('job processing', function () {
  it('stops retrying a job that always fails', async function () {
    const job = sinon.stub().rejects(new Error('boom'));
    await processJob(job).catch(() => {});
    // no-magic-retry-count: the attempt count is the queue's default, which this test neither sets nor names.
    expect(job.callCount).to.equal(5);
  });
});
