// Loaded before Electronegativity (node --require): the lab is checked offline, so its two network
// lookups (fresh translations, Electron's release list) fail at once instead of retrying on timers
// that crash under Node 24 (got 11 with p-cancelable). Nothing else is changed.
// A --require preload is CommonJS, and must patch CommonJS loading: require is the only way in.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Module = require('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'got') return () => Promise.reject(new Error('EC2 Lab runs Electronegativity offline'));
  return load.call(this, request, ...rest);
};
