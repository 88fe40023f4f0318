'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { grpc, services, useSilo, unary, TEST_TIMEOUT } = require('./support/harness');

const silo = useSilo();

const ASCII_KEY = 'x-echo-note';
const ASCII_VALUE = 'hello, world; return=RMA-0042 ~!';
const BINARY_KEY = 'x-echo-blob-bin';
const BINARY_VALUE = Buffer.from([0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff, 0x0a, 0x0d, 0x3a]);

function echoMetadata() {
  const metadata = new grpc.Metadata();
  metadata.set(ASCII_KEY, ASCII_VALUE);
  metadata.set(BINARY_KEY, BINARY_VALUE);
  metadata.set('x-not-echoed', 'stays with the server');
  return metadata;
}

function assertEchoed(received, where) {
  assert.ok(received, `no ${where} received`);
  assert.deepEqual(received.get(ASCII_KEY), [ASCII_VALUE], `${ASCII_KEY} in ${where}`);
  const binary = received.get(BINARY_KEY);
  assert.equal(binary.length, 1, `${BINARY_KEY} in ${where}`);
  assert.ok(Buffer.isBuffer(binary[0]));
  assert.deepEqual([...binary[0]], [...BINARY_VALUE], `${BINARY_KEY} bytes in ${where}`);
  assert.deepEqual(received.get('x-not-echoed'), [], `only x-echo-* keys come back (${where})`);
}

test('Echo returns message and payload', TEST_TIMEOUT, async () => {
  const conformance = silo.client(services.Conformance);
  const payload = Buffer.from('payload bytes \u0000\u00ff', 'latin1');
  const { response } = await unary(conformance, 'Echo', { message: 'Grüße 👋', payload });
  assert.equal(response.message, 'Grüße 👋');
  assert.deepEqual([...response.payload], [...payload]);
});

test('Echo: x-echo-* ASCII and -bin metadata come back as headers and trailers', TEST_TIMEOUT, async () => {
  const conformance = silo.client(services.Conformance);
  const { response, headers, trailers } = await unary(conformance, 'Echo', { message: 'meta' }, { metadata: echoMetadata() });
  assert.equal(response.message, 'meta');
  assertEchoed(headers, 'headers');
  assertEchoed(trailers, 'trailers');
});

test('binary metadata with every byte value round-trips', TEST_TIMEOUT, async () => {
  const conformance = silo.client(services.Conformance);
  const everyByte = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  for (const value of [everyByte, everyByte.subarray(0, 1), everyByte.subarray(0, 2)]) {
    const metadata = new grpc.Metadata();
    metadata.set('x-echo-all-bin', value); // lengths 256, 1, 2: every base64 padding case
    const { headers, trailers } = await unary(conformance, 'Echo', { message: 'bytes' }, { metadata });
    assert.deepEqual([...headers.get('x-echo-all-bin')[0]], [...value], `headers, ${value.length} bytes`);
    assert.deepEqual([...trailers.get('x-echo-all-bin')[0]], [...value], `trailers, ${value.length} bytes`);
  }
});
