const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  // openid-client and its two dependencies ship ES modules only: compile them for Jest like our own code
  // (any project that imports @stint/api-auth loads them). Projects that set their own patterns keep theirs.
  transformIgnorePatterns: ['/node_modules/(?!(openid-client|oauth4webapi|jose)/)'],
};
