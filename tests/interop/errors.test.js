'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { grpc, services, useSilo, unary, TEST_TIMEOUT } = require('./support/harness');
const { decodeStatusDetails, decodeBadRequest, BAD_REQUEST_TYPE_URL } = require('./support/protos');

const silo = useSilo();

const VIOLATIONS = [
  { field: 'order.id', description: 'must not be empty' },
  { field: 'items[0].sku', description: 'unbekannte Artikelnummer: 退货-42' },
];

/** Calls Fail and returns the grpc-js error it must end with. */
async function fail(request, conformance = silo.client(services.Conformance)) {
  try {
    await unary(conformance, 'Fail', request);
  } catch (error) {
    return error;
  }
  return assert.fail('Fail answered OK');
}

test('Fail: status code and ASCII details reach the client', TEST_TIMEOUT, async () => {
  const error = await fail({ code: grpc.status.FAILED_PRECONDITION, message: 'return already closed', fieldViolations: [] });
  assert.equal(error.code, grpc.status.FAILED_PRECONDITION);
  assert.equal(error.details, 'return already closed');
});

test('Fail: non-ASCII details survive percent-encoding', TEST_TIMEOUT, async () => {
  const message = 'Ungültige Anfrage: 退货 (100% sicher)';
  const error = await fail({ code: grpc.status.INVALID_ARGUMENT, message, fieldViolations: [] });
  assert.equal(error.code, grpc.status.INVALID_ARGUMENT);
  assert.equal(error.details, message);
});

test('Fail: grpc-status-details-bin carries google.rpc.Status with BadRequest violations', TEST_TIMEOUT, async () => {
  const message = 'Ungültige Anfrage: 退货';
  const error = await fail({ code: grpc.status.INVALID_ARGUMENT, message, fieldViolations: VIOLATIONS });
  assert.equal(error.code, grpc.status.INVALID_ARGUMENT);
  assert.equal(error.details, message);

  const status = decodeStatusDetails(error.metadata);
  assert.equal(status.code, grpc.status.INVALID_ARGUMENT);
  assert.equal(status.message, message);
  assert.equal(status.details.length, 1);
  assert.equal(status.details[0].typeUrl, BAD_REQUEST_TYPE_URL);

  const badRequest = decodeBadRequest(status.details[0].value);
  assert.deepEqual(
    badRequest.fieldViolations.map(({ field, description }) => ({ field, description })),
    VIOLATIONS,
  );
});

test('Fail: every non-OK code travels intact', TEST_TIMEOUT, async () => {
  const conformance = silo.client(services.Conformance);
  const codes = Object.values(grpc.status).filter((code) => typeof code === 'number' && code !== grpc.status.OK);
  assert.equal(codes.length, 16);
  for (const code of codes) {
    const error = await fail({ code, message: `code ${code}`, fieldViolations: [] }, conformance);
    assert.equal(error.code, code, `sent ${code}, got ${error.code} (${error.details})`);
    assert.equal(error.details, `code ${code}`);
  }
});

// grpc-js turns a plain HTTP 404 or an OK status without a message into UNIMPLEMENTED on
// its own; the server must send a real grpc-status instead.
function assertServerSentUnimplemented(error) {
  assert.equal(error.code, grpc.status.UNIMPLEMENTED, `${error.code} ${error.details}`);
  assert.doesNotMatch(error.details, /^Received HTTP status code|^No message received$/);
  return true;
}

const identity = (value) => value;

function rawUnary(path) {
  const client = silo.rawClient();
  return new Promise((resolve, reject) => {
    client.makeUnaryRequest(path, identity, identity, Buffer.alloc(0), new grpc.Metadata(),
      { deadline: new Date(Date.now() + 20_000) },
      (error, response) => (error ? reject(error) : resolve(response)));
  });
}

test('unknown method on a known service is UNIMPLEMENTED', TEST_TIMEOUT, async () => {
  await assert.rejects(rawUnary('/reverselogistics.testing.v1.ConformanceService/Nope'), assertServerSentUnimplemented);
});

test('unknown service is UNIMPLEMENTED', TEST_TIMEOUT, async () => {
  await assert.rejects(rawUnary('/reverselogistics.testing.v1.NoSuchService/Echo'), assertServerSentUnimplemented);
});
