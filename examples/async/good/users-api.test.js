// mocha + chai-as-promised + supertest, completing through return, await and done.
const { expect } = require('chai');
const request = require('supertest');

const { app, findUser } = require('../server');

describe('users API', function () {
  it('finds a user', function () {
    return expect(findUser(1)).to.eventually.deep.equal({ id: 1, name: 'Ada' });
  });

  it('lists users', async function () {
    await request(app).get('/users').expect(200);
  });

  it('lists users with a callback', function (done) {
    request(app).get('/users').expect(200, done);
  });
});
