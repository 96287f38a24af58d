// The Order resource's operations, one line each (see nodes/common/router.ts).
export * as capture from './capture.operation';
export * as refund from './refund.operation';
export * as get from './get.operation';
export * as getMany from './getMany.operation';
