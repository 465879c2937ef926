/**
 * A deck being presented: the slide shown, the blank screen, the talk's clock, and what each
 * presenter action does to the simulation (through a {@link ScriptPlayer}, so every move lands
 * on an exact state). The page turns keys and buttons into these calls and says
 * {@link Presenter.announcement} in its one polite status region.
 */
import type { Deck, Slide } from '../present/deck';
import type { DeckStateMessage } from '../present/channel';
import { PRESENT_PROTOCOL } from '../present/channel';
import { ScriptPlayer } from './script-player.svelte';
import type { SimSession } from './sim.svelte';

export class Presenter {
	readonly player: ScriptPlayer;
	/** The screen is covered (B or `.`). */
	blank = $state(false);
	/** What the page's status region says next. */
	announcement = $state('');
	/** Wall-clock ms the talk started (Date.now at the first slide). */
	startedAt = $state(0);

	constructor(
		private readonly session: SimSession,
		readonly deck: Deck
	) {
		this.player = new ScriptPlayer(session, deck.script);
	}

	get slide(): number {
		return this.player.step;
	}

	get current(): Slide {
		return this.deck.slides[this.player.step]!;
	}

	get count(): number {
		return this.deck.slides.length;
	}

	/** The slide in words, for the status region and the notes window. */
	slideLine(k = this.slide): string {
		return `Slide ${k + 1} of ${this.count}: ${this.deck.slides[k]?.title ?? ''}`;
	}

	/** Shows slide `k` from its start (clamped), running it when it runs by itself. */
	async start(k = 0, now = Date.now()): Promise<void> {
		this.startedAt = now;
		await this.show(Math.max(0, Math.min(this.count - 1, k)), 'start');
	}

	private async show(k: number, at: 'start' | 'end', said = this.slideLine(k)): Promise<void> {
		this.blank = false;
		const moved = this.player.goTo(k, at);
		this.announcement = said;
		if (!(await moved)) return;
		if (at === 'start' && this.deck.slides[k]?.autoRun) await this.player.runStep();
	}

	/**
	 * Next: shows the screen again if blank; runs the step of a slide that waits for it; else
	 * the next slide.
	 */
	async next(): Promise<void> {
		if (this.blank) return this.unblank();
		if (
			!this.current.autoRun &&
			(this.player.status === 'ready' || this.player.status === 'interrupted')
		) {
			this.announcement = `Running: ${this.current.title}`;
			await this.player.runStep();
			return;
		}
		if (this.slide + 1 >= this.count) {
			this.announcement = `This is the last slide. ${this.slideLine()}`;
			return;
		}
		await this.show(this.slide + 1, 'start');
	}

	/** Back: shows the screen again if blank; else the previous slide as its step ended. */
	async back(): Promise<void> {
		if (this.blank) return this.unblank();
		if (this.slide === 0) {
			this.announcement = `This is the first slide. ${this.slideLine()}`;
			return;
		}
		await this.show(this.slide - 1, 'end');
	}

	/** R: the step from its start again, run at once when the slide runs by itself. */
	async restart(): Promise<void> {
		await this.show(this.slide, 'start', `Restarted: ${this.slideLine()}`);
	}

	/** B or `.`: covers or uncovers the screen. */
	toggleBlank(): void {
		if (this.blank) this.unblank();
		else {
			this.blank = true;
			this.announcement = 'Screen blanked. Press B, full stop or Escape to show it again.';
		}
	}

	unblank(): void {
		if (!this.blank) return;
		this.blank = false;
		this.announcement = `Screen shown. ${this.slideLine()}`;
	}

	/** 1-9: plays at `speed` until the next slide. */
	async setSpeed(speed: number): Promise<void> {
		await this.session.setSpeed(speed);
		this.announcement = `Speed ${speed}×`;
	}

	/** What the notes window is told. */
	message(): DeckStateMessage {
		return {
			type: 'state',
			v: PRESENT_PROTOCOL,
			deck: this.deck.slug,
			slide: this.slide,
			slides: this.count,
			status: this.player.status,
			blank: this.blank,
			startedAt: this.startedAt
		};
	}
}
