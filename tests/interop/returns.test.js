'use strict';
// A merchant's system creating returns from Node: timestamps, money in minor units, enums by
// name, the label as bytes, and the eligibility dry run's reasons.
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { services, useSilo, unary, newMerchant, TEST_TIMEOUT } = require('./support/harness');

const silo = useSilo();

const daysAgo = (days) => ({ seconds: String(Math.floor(Date.now() / 1000) - days * 86_400), nanos: 0 });

function line(overrides = {}) {
  return {
    orderReference: 'SO-NODE-1', sku: 'JACKET-M', category: 'apparel', quantity: 1, purchasedQuantity: 1,
    unitPrice: { minorUnits: '8900', currencyCode: 'USD' },
    purchasedAt: daysAgo(10), deliveredAt: daysAgo(7), reasonCode: 'wrong_size', ...overrides,
  };
}

function returnRequest(lines, returnMethod = 'RETURN_METHOD_CARRIER_PICKUP') {
  return {
    customerReference: 'node-customer',
    customerAddress: { name: 'Ada Node', line1: '1 Loop Rd', city: 'Austin', postalCode: '78701', countryCode: 'US' },
    lines, requestedResolution: 'RESOLUTION_REFUND_TO_ORIGINAL_PAYMENT', returnMethod,
  };
}

async function merchantKey() {
  return (await newMerchant(silo, 'node-r', 'Node Returns')).as;
}

test('a return is created, approved automatically and its PDF label downloaded', TEST_TIMEOUT, async () => {
  const as = await merchantKey();
  const returns = silo.client(services.Returns);
  const { response: created } = await unary(returns, 'CreateReturn', { requestId: crypto.randomUUID(), ...returnRequest([line()]) }, as);
  const { response: label } = await unary(returns, 'GetReturnLabel', { returnId: created.returnId, format: 'LABEL_FORMAT_PDF' }, as);

  assert.equal(created.status, 'RETURN_STATUS_LABEL_ISSUED');
  assert.equal(created.decision.kind, 'DECISION_KIND_AUTO_APPROVE');
  assert.equal(created.refund.total.minorUnits, '8900');
  assert.equal(label.contentType, 'application/pdf');
  assert.equal(label.content.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.equal(label.trackingNumber, created.trackingNumber);
});

test('the eligibility dry run explains an ineligible line and writes nothing', TEST_TIMEOUT, async () => {
  const as = await merchantKey();
  const returns = silo.client(services.Returns);
  const late = line({ sku: 'OLD', deliveredAt: daysAgo(60), purchasedAt: daysAgo(62) });
  const { response: result } = await unary(returns, 'CheckEligibility', returnRequest([line(), late]), as);
  const { response: listed } = await unary(returns, 'ListReturns', {}, as);

  assert.equal(result.lines[0].eligible, true);
  assert.equal(result.lines[1].problems[0].code, 'OUTSIDE_WINDOW');
  assert.match(result.lines[1].windowEndsOn, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(listed.returns.length, 0);
});
