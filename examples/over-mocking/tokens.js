let next = 0;
module.exports = {
  create(userId) { next += 1; return `${userId}-${next}`; },
};
