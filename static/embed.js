/*
 * <quiesce-embed>: the Quiesce embed as a tag, for sites that prefer one to an iframe snippet.
 * Plain ES2017, no imports, no dependencies, no request anywhere but the Quiesce site it was
 * loaded from. Documented on /docs/embed (Quiesce's docs) and in its README ("Embedding").
 *
 *   <script src="https://example.org/quiesce/embed.js" defer></script>
 *   <quiesce-embed scenario="itsossia" from="0" to="60000" autoplay="1"></quiesce-embed>
 *
 * Attributes: the embed's parameters (v, scenario, inline, seed, inputs, t, speed, from, to,
 * autoplay, panels, controls, theme), passed on as they are (the embed checks them and shows
 * what is wrong), plus `src` (the Quiesce site's address; default: where this script came
 * from), `title` (the iframe's title) and `height` (CSS pixels before the embed reports its
 * own). `origin` is always this page's own: the embed answers no one else.
 *
 * The iframe is made when the element comes near the viewport (and is loading="lazy" too). It
 * grows and shrinks with the embed's 'height' events, and each event of the postMessage API
 * is dispatched on the element as a DOM CustomEvent ("quiesce-ready", "quiesce-state",
 * "quiesce-relocation-finished", "quiesce-height"; `detail` is the message). Methods play(),
 * pause(), step(), seek(t), load(scenario, seed), setSpeed(x) post the command to the embed's
 * origin only and return a Promise of its reply.
 */
(function () {
	'use strict';
	if (typeof window === 'undefined' || !window.customElements) return;
	if (window.customElements.get('quiesce-embed')) return;

	var PARAMS = [
		'v',
		'scenario',
		'inline',
		'seed',
		'inputs',
		't',
		'speed',
		'from',
		'to',
		'autoplay',
		'panels',
		'controls',
		'theme'
	];
	var script = document.currentScript;
	/** The Quiesce site this script was served from (it sits at the site's root). */
	var defaultBase = script && script.src ? new URL('.', script.src).href : null;
	var nextId = 1;

	class QuiesceEmbed extends HTMLElement {
		static get observedAttributes() {
			return PARAMS.concat(['src', 'title', 'height']);
		}

		constructor() {
			super();
			this._frame = null;
			this._origin = null;
			this._pending = new Map();
			this._observer = null;
			this._onMessage = this._onMessage.bind(this);
		}

		connectedCallback() {
			if (!this.style.display) this.style.display = 'block';
			window.addEventListener('message', this._onMessage);
			if (this._frame) return;
			if (typeof IntersectionObserver === 'undefined') {
				this._create();
				return;
			}
			this._observer = new IntersectionObserver(
				(entries) => {
					for (var i = 0; i < entries.length; i++) {
						if (entries[i].isIntersecting) {
							this._observer.disconnect();
							this._observer = null;
							this._create();
							return;
						}
					}
				},
				{ rootMargin: '300px' }
			);
			this._observer.observe(this);
		}

		disconnectedCallback() {
			window.removeEventListener('message', this._onMessage);
			if (this._observer) this._observer.disconnect();
			this._observer = null;
		}

		attributeChangedCallback() {
			if (!this._frame) return;
			// A new frame: the embed reads its parameters once, and a change of the hash alone
			// would not reload it.
			this.removeChild(this._frame);
			this._frame = null;
			this._pending.clear();
			this._create();
		}

		_title() {
			return this.getAttribute('title') || 'Quiesce: z/VM SSI cluster lab';
		}

		/** The embed's address: the site's /embed/ with every parameter in the hash. */
		_url() {
			var base = this.getAttribute('src') || defaultBase;
			if (!base) return null;
			var url;
			try {
				url = new URL('embed/', new URL(base, document.baseURI).href.replace(/\/?$/, '/'));
			} catch (error) {
				// A src that is not an address: the element says so instead of framing anything.
				if (error instanceof TypeError) return null;
				throw error;
			}
			var params = new URLSearchParams();
			for (var i = 0; i < PARAMS.length; i++) {
				var value = this.getAttribute(PARAMS[i]);
				if (value !== null) params.set(PARAMS[i], value);
			}
			params.set('origin', window.location.origin);
			this._origin = url.origin;
			url.hash = params.toString();
			return url.href;
		}

		_create() {
			var url = this._url();
			if (!url) {
				this.textContent = 'quiesce-embed: set the src attribute to the Quiesce site.';
				return;
			}
			var frame = document.createElement('iframe');
			frame.setAttribute('loading', 'lazy');
			frame.title = this._title();
			frame.style.width = '100%';
			frame.style.border = '0';
			frame.style.display = 'block';
			var height = Number(this.getAttribute('height'));
			frame.style.height = (height > 0 ? height : 480) + 'px';
			frame.src = url;
			this._frame = frame;
			this.appendChild(frame);
		}

		_onMessage(event) {
			var frame = this._frame;
			// Only this element's own embed: its window, from its origin.
			if (!frame || event.source !== frame.contentWindow || event.origin !== this._origin) return;
			var data = event.data;
			if (!data || typeof data !== 'object' || data.quiesce !== 1) return;
			if (data.kind === 'reply') {
				var waiting = this._pending.get(data.id);
				if (waiting) {
					this._pending.delete(data.id);
					waiting(data);
				}
				return;
			}
			if (data.kind !== 'event' || typeof data.event !== 'string') return;
			if (data.event === 'height' && typeof data.height === 'number' && data.height > 0) {
				frame.style.height = Math.ceil(data.height) + 'px';
			}
			this.dispatchEvent(new CustomEvent('quiesce-' + data.event, { detail: data }));
		}

		/** Posts a command to the embed; resolves with its reply. */
		command(name, fields) {
			var frame = this._frame;
			if (!frame || !frame.contentWindow || !this._origin) {
				return Promise.reject(new Error('quiesce-embed: the embed has not loaded yet'));
			}
			var id = 'qe-' + nextId++;
			var message = { quiesce: 1, kind: 'command', id: id, command: name };
			if (fields) for (var key in fields) if (fields[key] !== undefined) message[key] = fields[key];
			return new Promise((resolve) => {
				this._pending.set(id, resolve);
				frame.contentWindow.postMessage(message, this._origin);
			});
		}

		play() {
			return this.command('play');
		}
		pause() {
			return this.command('pause');
		}
		step() {
			return this.command('step');
		}
		seek(t) {
			return this.command('seek', { t: t });
		}
		load(scenario, seed) {
			return this.command('load', { scenario: scenario, seed: seed });
		}
		setSpeed(speed) {
			return this.command('speed', { speed: speed });
		}
	}

	window.customElements.define('quiesce-embed', QuiesceEmbed);
})();
