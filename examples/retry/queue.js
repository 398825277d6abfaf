// A tiny job runner with retries, used by the retry examples.
const DEFAULT_ATTEMPTS = 5;

async function runWithRetry(job, { attempts = DEFAULT_ATTEMPTS } = {}) {
  let lastError;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    try {
      return await job();
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

module.exports = { runWithRetry };
