'use strict';
// The operators' NetworkService from Node: a centre created, read back and listed; bad input
// answered with every field violation; unknown centres NOT_FOUND; merchants kept out.
//
// A silo with any centre stops sending returns to the default centre FC-DEFAULT, which the other
// files' tests rely on when they share one silo (RL_SILO_ADDRESS, as xunit runs them). So this file
// creates centres only on a silo of its own: RL_NETWORK_SILO_ADDRESS (xunit starts a second silo for
// it), or the fresh silo started for this file when RL_SILO_ADDRESS is unset. On a shared silo it
// runs only the calls that write nothing.
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');

const ownSilo = Boolean(process.env.RL_NETWORK_SILO_ADDRESS) || !process.env.RL_SILO_ADDRESS;
if (process.env.RL_NETWORK_SILO_ADDRESS) process.env.RL_SILO_ADDRESS = process.env.RL_NETWORK_SILO_ADDRESS;

const { grpc, services, useSilo, unary, TEST_TIMEOUT, OPERATOR_KEY, bearer } = require('./support/harness');
const { decodeStatusDetails, decodeBadRequest } = require('./support/protos');

const silo = useSilo();
const asOperator = () => ({ metadata: bearer(OPERATOR_KEY) });
const requestId = () => crypto.randomUUID();
const newCentreId = () => `FC-NODE-${crypto.randomBytes(4).toString('hex').toUpperCase()}`;

async function rejects(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return assert.fail('the call answered OK');
}

function centre(fulfillmentCenterId) {
  return {
    fulfillmentCenterId,
    name: 'Node Returns Hub',
    addressLines: ['7 Quay Street'],
    city: 'Rotterdam',
    postalCode: '3011',
    countryCode: 'NL',
    location: { latitude: 51.92, longitude: 4.48 },
    timeZone: 'Europe/Amsterdam',
    services: ['CENTER_SERVICE_GRADING'],
    dailyCapacity: 250,
    openingHours: [{ day: 'WEEKDAY_MONDAY', opens: '08:00', closes: '17:00' }],
  };
}

test('an operator creates a fulfilment centre, reads it back and finds it listed', { ...TEST_TIMEOUT, skip: !ownSilo && 'needs a silo of its own' }, async () => {
  const network = silo.client(services.Network);
  const id = newCentreId();

  const { response: created } = await unary(network, 'CreateFulfillmentCenter', { requestId: requestId(), fulfillmentCenter: centre(id) }, asOperator());
  const { response: read } = await unary(network, 'GetFulfillmentCenter', { fulfillmentCenterId: id }, asOperator());
  const { response: listed } = await unary(network, 'ListFulfillmentCenters', { countryCode: 'NL', pageSize: 500 }, asOperator());

  assert.equal(created.status, 'CENTER_STATUS_ACTIVE');
  assert.deepEqual(read, created);
  assert.equal(read.dailyCapacity, 250);
  assert.deepEqual(read.services, ['CENTER_SERVICE_GRADING']);
  assert.equal(read.location.latitude, 51.92);
  assert.deepEqual(listed.fulfillmentCenters.filter((c) => c.fulfillmentCenterId === id), [created]);
});

test('a bad centre is INVALID_ARGUMENT with a BadRequest naming every field, and nothing is written', TEST_TIMEOUT, async () => {
  const network = silo.client(services.Network);
  const bad = { ...centre('bad id'), location: null, dailyCapacity: -1, openingHours: [{ day: 'WEEKDAY_UNSPECIFIED', opens: '9am', closes: '17:00' }] };

  const error = await rejects(unary(network, 'CreateFulfillmentCenter', { requestId: requestId(), fulfillmentCenter: bad }, asOperator()));
  const missing = await rejects(unary(network, 'GetFulfillmentCenter', { fulfillmentCenterId: 'bad id' }, asOperator()));

  assert.equal(error.code, grpc.status.INVALID_ARGUMENT);
  const status = decodeStatusDetails(error.metadata);
  assert.equal(status.code, grpc.status.INVALID_ARGUMENT);
  const fields = [...new Set(decodeBadRequest(status.details[0].value).fieldViolations.map((v) => v.field))].sort();
  assert.deepEqual(fields, [
    'fulfillment_center.daily_capacity', 'fulfillment_center.fulfillment_center_id', 'fulfillment_center.location',
    'fulfillment_center.opening_hours[0].day', 'fulfillment_center.opening_hours[0].opens',
  ]);
  assert.equal(missing.code, grpc.status.NOT_FOUND);
});

test('an unknown centre is NOT_FOUND, a bad page size INVALID_ARGUMENT, and a merchant key PERMISSION_DENIED', TEST_TIMEOUT, async () => {
  const network = silo.client(services.Network);
  const admin = silo.client(services.TenantAdmin);
  const tenantId = `node-${crypto.randomBytes(5).toString('hex')}`;
  await unary(admin, 'CreateTenant', { requestId: requestId(), tenantId, displayName: 'Node network' }, asOperator());
  const { response: key } = await unary(admin, 'CreateApiKey', { requestId: requestId(), tenantId, role: 'ROLE_MERCHANT' }, asOperator());

  const unknown = await rejects(unary(network, 'GetFulfillmentCenter', { fulfillmentCenterId: newCentreId() }, asOperator()));
  const pageSize = await rejects(unary(network, 'ListFulfillmentCenters', { pageSize: 501 }, asOperator()));
  const merchant = await rejects(unary(network, 'ListFulfillmentCenters', {}, { metadata: bearer(key.secret) }));

  assert.equal(unknown.code, grpc.status.NOT_FOUND);
  assert.equal(pageSize.code, grpc.status.INVALID_ARGUMENT);
  const fields = decodeBadRequest(decodeStatusDetails(pageSize.metadata).details[0].value).fieldViolations.map((v) => v.field);
  assert.deepEqual(fields, ['page_size']);
  assert.equal(merchant.code, grpc.status.PERMISSION_DENIED);
});
