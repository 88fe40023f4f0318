'use strict';
// A merchant's system following its event feed from Node: a server stream that catches up and
// then follows, int64 positions as strings, the oneof of events and heartbeats, and resuming
// after a disconnect from the last position seen, with no gap and no repeat.
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { grpc, services, useSilo, unary, newMerchant, deadlineIn, TEST_TIMEOUT } = require('./support/harness');

const silo = useSilo();

const merchant = () => newMerchant(silo, 'node-e', 'Node Events');

function createReturn(as, customerReference) {
  const now = Math.floor(Date.now() / 1000);
  return unary(silo.client(services.Returns), 'CreateReturn', {
    requestId: crypto.randomUUID(),
    customerReference,
    customerAddress: { name: 'Ada Node', line1: '1 Loop Rd', city: 'Austin', postalCode: '78701', countryCode: 'US' },
    lines: [{
      orderReference: 'SO-NODE-E', sku: 'CAP', category: 'apparel', quantity: 1, purchasedQuantity: 1,
      unitPrice: { minorUnits: '1900', currencyCode: 'USD' },
      purchasedAt: { seconds: String(now - 864_000), nanos: 0 }, deliveredAt: { seconds: String(now - 604_800), nanos: 0 },
      reasonCode: 'wrong_size',
    }],
    requestedResolution: 'RESOLUTION_REFUND_TO_ORIGINAL_PAYMENT',
    returnMethod: 'RETURN_METHOD_CARRIER_PICKUP',
  }, as);
}

/** Reads a watch until `until(event)` holds, then cancels it; resolves with the events read. */
function watchUntil(request, as, until) {
  const call = silo.client(services.Events).WatchEvents(request, as.metadata, { deadline: deadlineIn(30_000) });
  const events = [];
  return new Promise((resolve, reject) => {
    call.on('data', (message) => {
      if (message.message !== 'event') return;
      events.push(message.event);
      if (until(message.event)) call.cancel();
    });
    call.on('error', (error) => { if (error.code !== grpc.status.CANCELLED) reject(error); });
    call.on('status', (status) => {
      if (status.code === grpc.status.CANCELLED) resolve(events);
      else reject(new Error(`the watch ended with ${status.code} ${status.details} after ${events.length} events`));
    });
  });
}

test('a watch catches up, follows, and resumes after its last position with no gap or repeat', TEST_TIMEOUT, async () => {
  const { tenantId, as } = await merchant();
  const { response: first } = await createReturn(as, 'node-e-1');

  const caughtUp = await watchUntil({ afterPosition: '0' }, as, (e) => e.type === 'return.label_issued');
  const { response: second } = await createReturn(as, 'node-e-2');
  const last = caughtUp[caughtUp.length - 1].position;
  const resumed = await watchUntil({ afterPosition: last }, as, (e) => e.returnId === second.returnId && e.type === 'return.label_issued');
  const { response: feed } = await unary(silo.client(services.Events), 'ListEvents', { pageSize: 1000 }, as);

  assert.deepEqual(caughtUp.map((e) => e.type), ['return.created', 'return.approved', 'return.label_issued']);
  assert.ok(caughtUp.every((e) => e.returnId === first.returnId && e.tenantId === tenantId));
  assert.equal(typeof last, 'string');
  assert.deepEqual([...caughtUp, ...resumed].map((e) => e.eventId), feed.events.map((e) => e.eventId));
  assert.equal(feed.atEnd, true);
});

test('an unknown event type is INVALID_ARGUMENT naming the field', TEST_TIMEOUT, async () => {
  const { as } = await merchant();
  await assert.rejects(
    unary(silo.client(services.Events), 'ListEvents', { eventTypes: ['return.teleported'] }, as),
    (error) => error.code === grpc.status.INVALID_ARGUMENT && /event_types\[0\]/.test(error.details));
});
