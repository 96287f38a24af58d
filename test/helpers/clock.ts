/**
 * Sets the clock (Date) to `now` and lets everything else run as usual (sockets, timers,
 * microtasks): Jest's fake timers with every API but Date left real. jest.useRealTimers() undoes it.
 */
export function setClock(now: number): void {
	jest.useFakeTimers({
		now,
		doNotFake: [
			'hrtime',
			'nextTick',
			'performance',
			'queueMicrotask',
			'requestAnimationFrame',
			'cancelAnimationFrame',
			'requestIdleCallback',
			'cancelIdleCallback',
			'setImmediate',
			'clearImmediate',
			'setInterval',
			'clearInterval',
			'setTimeout',
			'clearTimeout',
		],
	});
}
