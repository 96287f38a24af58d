/** A small seeded generator (mulberry32): the same seed always gives the same sandbox data. */
export class Random {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** A whole number from min to max, both included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(values: readonly T[]): T {
		return values[Math.floor(this.next() * values.length)];
	}

	hex(length: number): string {
		let text = '';
		while (text.length < length) text += Math.floor(this.next() * 16).toString(16);
		return text;
	}

	digits(length: number): string {
		let text = String(this.int(1, 9));
		while (text.length < length) text += String(this.int(0, 9));
		return text;
	}
}
