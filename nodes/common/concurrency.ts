/**
 * Runs `task` over `inputs` with at most `limit` in flight and returns the results in input
 * order. After the first failure nothing new is started; the tasks already running are
 * awaited (so no request is left dangling) and then the first error is thrown.
 */
export async function mapConcurrent<T, R>(
	inputs: readonly T[],
	limit: number,
	task: (input: T, index: number) => Promise<R>,
): Promise<R[]> {
	const results = new Array<R>(inputs.length);
	let next = 0;
	let failure: { error: unknown } | undefined;

	async function worker(): Promise<void> {
		while (failure === undefined && next < inputs.length) {
			const index = next++;
			try {
				results[index] = await task(inputs[index], index);
			} catch (error) {
				failure ??= { error };
			}
		}
	}

	const workers = Array.from({ length: Math.max(1, Math.min(limit, inputs.length)) }, worker);
	await Promise.all(workers);
	if (failure !== undefined) throw failure.error;
	return results;
}
