// ✅ mocha + chai + node:assert: each test pins the state it expects.
const assert = require('node:assert');
const { expect } = require('chai');

const { Job } = require('../jobs');

describe('Job', function () {
  it('marks the job completed', async function () {
    const job = await new Job(async () => 42).run();
    expect(await job.getState()).to.equal('completed');
    expect(job.result).to.equal(42);
  });

  it('marks a throwing job failed', async function () {
    const job = await new Job(async () => {
      throw new Error('boom');
    }).run();
    assert.strictEqual(await job.getState(), 'failed');
  });

  it('is still queued or running before it settles', async function () {
    const job = new Job(async () => 1);
    // Two pending states: not a success/failure mix.
    expect(['waiting', 'active']).to.include(await job.getState());
  });
});
