// The Payment Link resource's operations, one line each (see nodes/common/router.ts).
export * as cancel from './cancel.operation';
export * as create from './create.operation';
