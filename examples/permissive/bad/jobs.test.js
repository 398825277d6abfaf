// ❌ mocha + chai + node:assert: the job may complete or fail and these tests stay green.
const assert = require('node:assert');
const { expect } = require('chai');

const { Job } = require('../jobs');

describe('Job', function () {
  it('marks the job completed', async function () {
    const job = await new Job(async () => 42).run();
    expect(await job.getState()).to.be.oneOf(['completed', 'failed']);
  });

  it('settles', async function () {
    const [result] = await Promise.allSettled([new Job(async () => 1).run()]);
    assert.ok(result.status === 'fulfilled' || result.status === 'rejected');
  });
});
