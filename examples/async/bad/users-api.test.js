// mocha + chai-as-promised + supertest: assertions that nobody waits for.
const { expect } = require('chai');
const request = require('supertest');

const { app, findUser } = require('../server');

describe('users API', function () {
  it('finds a user', function () {
    // no-unawaited-assertion: nothing returned, so mocha never waits.
    expect(findUser(1)).to.eventually.deep.equal({ id: 1, name: 'Ada' });
  });

  it('lists users', async function () {
    // no-unawaited-assertion (autofixed to `await`): the request is never awaited.
    request(app).get('/users').expect(200);
  });
});
