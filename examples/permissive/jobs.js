// A tiny job runner for the examples in this folder.
class Job {
  constructor(work) {
    this.work = work;
    this.state = 'waiting';
  }

  async run() {
    this.state = 'active';
    try {
      this.result = await this.work();
      this.state = 'completed';
    } catch (error) {
      this.error = error;
      this.state = 'failed';
    }
    return this;
  }

  async getState() {
    return this.state;
  }
}

module.exports = { Job };
