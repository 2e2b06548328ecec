/**
 * Preload (node --require) that makes every way out to the network fail:
 * sockets, TLS, UDP, DNS, http(s) and fetch. Each attempt is appended to the
 * file named by QUIDPRO_NETWORK_LOG (one line: what was called) and throws.
 * Used by test/security/no-network.test.ts to prove the CLI never reaches out.
 */
'use strict';
const fs = require('node:fs');
const { syncBuiltinESMExports } = require('node:module');

const LOG = process.env.QUIDPRO_NETWORK_LOG;

function blocked(name) {
  return function networkDisabled() {
    if (LOG) fs.appendFileSync(LOG, `${name}\n`);
    throw new Error(`network disabled by test preload: ${name}`);
  };
}

function replace(object, key, name) {
  if (object && typeof object[key] === 'function') object[key] = blocked(name);
}

const net = require('node:net');
replace(net.Socket.prototype, 'connect', 'net.Socket.prototype.connect');
replace(net, 'connect', 'net.connect');
replace(net, 'createConnection', 'net.createConnection');

const tls = require('node:tls');
replace(tls, 'connect', 'tls.connect');

const dgram = require('node:dgram');
replace(dgram, 'createSocket', 'dgram.createSocket');

const dns = require('node:dns');
for (const key of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveMx', 'resolveTxt', 'reverse']) {
  replace(dns, key, `dns.${key}`);
  replace(dns.promises, key, `dns.promises.${key}`);
}

for (const id of ['http', 'https']) {
  const mod = require(`node:${id}`);
  replace(mod, 'request', `${id}.request`);
  replace(mod, 'get', `${id}.get`);
}

if (typeof globalThis.fetch === 'function') globalThis.fetch = blocked('fetch');
if (typeof globalThis.WebSocket === 'function') globalThis.WebSocket = blocked('WebSocket');

// ESM `import { connect } from 'node:net'` reads these bindings: update them too.
syncBuiltinESMExports();
