export { createClientErrorHandler } from './client-errors';
export { firstInvalidUtf8Offset, JsonBodyError, parseJsonBody, prototypeKeyReason, useStrictJsonBodies, type JsonBodyProblem, type JsonPath } from './strict-json-body';
