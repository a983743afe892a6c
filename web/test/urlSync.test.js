import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildAddress, readAddress, viewerLink } from '../js/urlSync.js';
import { defaultConfig } from '../js/urlState.js';

function locationOf(address) {
  const url = new URL(address, 'http://localhost:7070/');
  return { search: url.search, hash: url.hash };
}

test('owner key travels in the fragment only', () => {
  const config = defaultConfig();
  const address = buildAddress({ config, sessions: ['s1'], ownerKeys: ['secret'] });
  const url = new URL(address, 'http://localhost/');
  assert.equal(url.search, '?session=s1');
  assert.equal(url.hash, '#owner=secret');
  const read = readAddress(locationOf(address));
  assert.equal(read.sessionId, 's1');
  assert.equal(read.ownerKey, 'secret');
});

test('compare setup round trips', () => {
  const config = defaultConfig();
  config.network.activation = 'sigmoid';
  const configB = structuredClone(config);
  configB.network.init.kind = 'glorot-normal';
  const address = buildAddress({ config, configB, sessions: ['a', 'b'], ownerKeys: ['k1', 'k2'], speed: 2 });
  const read = readAddress(locationOf(address));
  assert.deepEqual(read.config, config);
  assert.deepEqual(read.configB, configB);
  assert.equal(read.sessionIdB, 'b');
  assert.equal(read.ownerKeyB, 'k2');
  assert.equal(read.speed, 2);
  assert.deepEqual(read.errors, []);
});

test('viewer link has no key', () => {
  assert.equal(viewerLink('http://localhost:7070', '/', ['s1']), 'http://localhost:7070/?session=s1');
  assert.equal(viewerLink('http://h', '/embed', ['s1', 's2']), 'http://h/embed?session=s1&sessionB=s2');
});
