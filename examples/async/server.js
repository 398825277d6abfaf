const http = require('node:http');

const users = new Map([[1, { id: 1, name: 'Ada' }]]);

async function findUser(id) {
  return users.get(id);
}

const app = http.createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify([...users.values()]));
});

module.exports = { app, findUser };
