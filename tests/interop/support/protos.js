'use strict';
// Loads the contract protos once per test process and exposes the generated grpc-js
// client constructors plus decoders for raw bytes (rich error details, descriptors).

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const PROTO_ROOT = path.resolve(__dirname, '..', '..', '..', 'protos');

const PROTO_FILES = [
  'grpc/health/v1/health.proto',
  'grpc/reflection/v1alpha/reflection.proto',
  'grpc/reflection/v1/reflection.proto',
  'google/rpc/status.proto',
  'google/rpc/error_details.proto',
  'reverselogistics/testing/v1/conformance.proto',
  'reverselogistics/v1/tenant_admin.proto',
  'reverselogistics/v1/returns.proto',
  'reverselogistics/v1/receiving.proto',
  'reverselogistics/v1/network.proto',
  'reverselogistics/v1/events.proto',
  'reverselogistics/v1/sales.proto',
  'reverselogistics/v1/analytics.proto',
  'reverselogistics/v1/cluster.proto',
];

const packageDefinition = protoLoader.loadSync(PROTO_FILES, {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_ROOT],
});
const loaded = grpc.loadPackageDefinition(packageDefinition);

const services = {
  Health: loaded.grpc.health.v1.Health,
  ReflectionV1: loaded.grpc.reflection.v1.ServerReflection,
  ReflectionV1Alpha: loaded.grpc.reflection.v1alpha.ServerReflection,
  Conformance: loaded.reverselogistics.testing.v1.ConformanceService,
  TenantAdmin: loaded.reverselogistics.v1.TenantAdminService,
  Returns: loaded.reverselogistics.v1.ReturnsService,
  Receiving: loaded.reverselogistics.v1.ReceivingService,
  Network: loaded.reverselogistics.v1.NetworkService,
  Events: loaded.reverselogistics.v1.EventsService,
  Sales: loaded.reverselogistics.v1.SalesService,
  Analytics: loaded.reverselogistics.v1.AnalyticsService,
  Cluster: loaded.reverselogistics.v1.ClusterService,
};

// protobufjs ships with @grpc/proto-loader; resolve it from there so that no extra
// dependency is needed. It decodes bytes that grpc-js hands over undecoded.
const fromLoader = { paths: [path.dirname(require.resolve('@grpc/proto-loader'))] };
const protobuf = require(require.resolve('protobufjs', fromLoader));
const descriptor = require(require.resolve('protobufjs/ext/descriptor', fromLoader));

const rpcRoot = new protobuf.Root();
// Imports of google/protobuf/*.proto fall back to the copies bundled with protobufjs.
rpcRoot.resolvePath = (_origin, target) => path.join(PROTO_ROOT, target);
rpcRoot.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto']);
const StatusType = rpcRoot.lookupType('google.rpc.Status');
const BadRequestType = rpcRoot.lookupType('google.rpc.BadRequest');

const STATUS_DETAILS_KEY = 'grpc-status-details-bin';
const BAD_REQUEST_TYPE_URL = 'type.googleapis.com/google.rpc.BadRequest';

/** Decodes the google.rpc.Status in the grpc-status-details-bin trailer: { code, message, details: [{ typeUrl, value }] }. */
function decodeStatusDetails(trailers) {
  const values = trailers.get(STATUS_DETAILS_KEY);
  if (values.length !== 1 || !Buffer.isBuffer(values[0])) {
    throw new Error(`expected exactly one binary ${STATUS_DETAILS_KEY} trailer, got ${values.length}`);
  }
  const status = StatusType.toObject(StatusType.decode(values[0]), { defaults: true });
  // protobufjs's bundled google.protobuf.Any keeps the proto field name type_url.
  const details = status.details.map((any) => ({ typeUrl: any.type_url, value: Buffer.from(any.value) }));
  return { code: status.code, message: status.message, details };
}

/** Decodes google.rpc.BadRequest bytes (the value of an Any). */
function decodeBadRequest(bytes) {
  return BadRequestType.toObject(BadRequestType.decode(bytes), { defaults: true });
}

/** Decodes serialized google.protobuf.FileDescriptorProto bytes. */
function decodeFileDescriptor(bytes) {
  return descriptor.FileDescriptorProto.decode(bytes);
}

module.exports = {
  grpc,
  services,
  decodeStatusDetails,
  decodeBadRequest,
  decodeFileDescriptor,
  BAD_REQUEST_TYPE_URL,
  STATUS_DETAILS_KEY,
};
