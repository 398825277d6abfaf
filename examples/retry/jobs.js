// A job processor built on the queue's retry helper, used by the retry examples.
const { runWithRetry } = require('./queue');

async function processJob(job) {
  return runWithRetry(job);
}

module.exports = { processJob };
