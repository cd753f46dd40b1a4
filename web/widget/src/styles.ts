/**
 * The widget's styles, applied inside its shadow root so that the host page's CSS cannot reach
 * them and they cannot reach the host page. Sizes are in px/em, not rem: a host page that sets
 * `html { font-size: 62.5% }` must not shrink the widget. Browser zoom still scales px.
 * `.layani{all:initial}` repeats `:host`'s reset inside: a page rule like `* { letter-spacing: 9px
 * !important }` beats `:host` on the host element, and inherited properties would leak in.
 */
export const CSS = `
:host{all:initial}
.layani{all:initial;--a:#0b5394;--ai:#fff;--ak:#0b5394;--ink:#1b1f24;--muted:#4a5260;--line:#c9d0da;--soft:#f1f4f8;
font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:var(--ink);-webkit-text-size-adjust:100%}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
.sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
button,select,textarea{font:inherit;color:inherit}
button{cursor:pointer}
:focus-visible{outline:3px solid #b45309;outline-offset:2px}
.icon{width:1.25em;height:1.25em;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round;flex:none}
.launcher{position:fixed;bottom:20px;right:20px;z-index:2147483000;display:flex;align-items:center;gap:.5em;min-height:56px;padding:0 1.25em;
border:2px solid var(--ai);border-radius:28px;background:var(--a);color:var(--ai);font-weight:600;box-shadow:0 4px 14px rgba(0,0,0,.3)}
.left .launcher{right:auto;left:20px}
.badge{position:absolute;top:-4px;right:-4px;width:16px;height:16px;border-radius:50%;background:#c62828;border:2px solid #fff}
.panel{position:fixed;bottom:20px;right:20px;z-index:2147483001;display:flex;flex-direction:column;width:380px;height:min(640px,calc(100vh - 40px));
background:#fff;border:1px solid var(--line);border-radius:16px;box-shadow:0 12px 40px rgba(0,0,0,.28);overflow:hidden;animation:rise .18s ease-out}
.left .panel{right:auto;left:20px}
@keyframes rise{from{opacity:0;transform:translateY(12px)}to{opacity:1;transform:none}}
header{display:flex;align-items:center;gap:.6em;padding:.6em .5em .6em .9em;background:var(--a);color:var(--ai)}
.avatar{display:grid;place-items:center;width:2.25em;height:2.25em;border-radius:50%;background:var(--ai);color:var(--a);font-weight:700;flex:none}
.heading{flex:1;min-width:0}
h2{margin:0;font-size:1.05em;line-height:1.3;overflow-wrap:anywhere}
h2:focus{outline:none}
.subtitle{margin:0;font-size:.85em;opacity:.95}
.icon-btn{display:grid;place-items:center;width:44px;height:44px;border:0;border-radius:8px;background:transparent;color:inherit;flex:none}
.icon-btn:hover{background:rgba(127,127,127,.25)}
.toolbar{display:flex;align-items:center;gap:.5em;padding:.4em .9em;border-bottom:1px solid var(--line);font-size:.9em;color:var(--muted)}
.lang{min-height:36px;padding:0 .4em;border:1px solid var(--line);border-radius:6px;background:#fff;color:var(--ink)}
.handoff{display:flex;flex-wrap:wrap;align-items:center;gap:.25em .75em;padding:.5em .9em;background:#fff4d6;border-bottom:1px solid #e3c15b;font-size:.9em}
.handoff-text{flex:1 1 12em}
.link-btn{min-height:36px;padding:0 .75em;border:1px solid var(--ak);border-radius:18px;background:#fff;color:var(--ak);font-weight:600}
.log{position:relative;flex:1;overflow-y:auto;padding:.9em;display:flex;flex-direction:column;gap:.6em;overscroll-behavior:contain}
.msg{display:flex;flex-direction:column;align-items:flex-start;max-width:88%}
.msg.citizen{align-self:flex-end;align-items:flex-end}
.msg.system{align-self:center;max-width:95%;text-align:center;color:var(--muted);font-size:.9em}
.bubble{padding:.55em .85em;border-radius:14px 14px 14px 4px;background:var(--soft);overflow-wrap:anywhere}
.citizen .bubble{border-radius:14px 14px 4px 14px;background:var(--a);color:var(--ai)}
.officer .bubble{background:#fff4d6;border:1px solid #e3c15b}
.system .bubble{background:none;padding:0}
.bubble p{margin:0}.bubble p+p,.bubble p+ol,.bubble p+ul,.bubble ol+p,.bubble ul+p{margin-top:.6em}
.bubble ol,.bubble ul{margin:.3em 0 0;padding-left:1.4em}
.bubble a{color:#0a4a85;text-decoration:underline}
.citizen .bubble a{color:inherit}
.who{font-size:.8em;font-weight:600;color:#7a4b00;margin:0 0 .2em .2em}
.source{margin:.3em 0 0 .2em;font-size:.85em;color:var(--muted)}
.source a{color:#0a4a85}
.rating{display:flex;gap:.25em;margin-top:.15em}
.rate{display:grid;place-items:center;width:36px;height:36px;border:1px solid transparent;border-radius:50%;background:none;color:var(--muted)}
.rate:hover{border-color:var(--line)}
.rate[aria-pressed=true]{background:var(--soft);border-color:var(--ak);color:var(--ak)}
.state{display:flex;align-items:center;gap:.3em;margin-top:.2em;font-size:.8em;color:var(--muted)}
.state.failed{color:#b3261e}
.pending .bubble{opacity:.8}
.typing{padding:0 .9em;font-size:.85em;color:var(--muted);min-height:0}
.typing:not(:empty){padding-bottom:.4em}
.dots{display:inline-flex;gap:3px;margin-right:.4em;vertical-align:middle}
.dots i{width:6px;height:6px;border-radius:50%;background:currentColor;animation:blink 1.2s infinite}
.dots i:nth-child(2){animation-delay:.2s}.dots i:nth-child(3){animation-delay:.4s}
@keyframes blink{0%,80%,100%{opacity:.25}40%{opacity:1}}
.status:not(:empty){display:flex;flex-wrap:wrap;align-items:center;gap:.5em;margin:0 .9em .5em;padding:.5em .75em;border-radius:8px;background:#eef3f9;font-size:.9em}
.status.error{background:#fdecea;color:#8c1d18}
.status button{min-height:36px;padding:0 .8em;border:1px solid currentColor;border-radius:18px;background:#fff;font-weight:600}
.chips{display:flex;flex-wrap:wrap;gap:.4em;padding:0 .9em}
.chips:not(:empty){padding-bottom:.6em}
.chips button{min-height:40px;padding:.3em .9em;border:1.5px solid var(--ak);border-radius:20px;background:#fff;color:var(--ak);text-align:left}
.chips button:hover{background:var(--soft)}
.composer{display:flex;align-items:flex-end;gap:.5em;padding:.6em .6em .3em .9em;border-top:1px solid var(--line)}
textarea{flex:1;min-height:44px;max-height:8em;padding:.55em .75em;border:1.5px solid #77808c;border-radius:10px;resize:none;background:#fff;line-height:1.4}
textarea::placeholder{color:#5f6773}
.send{display:grid;place-items:center;width:44px;height:44px;border:0;border-radius:50%;background:var(--a);color:var(--ai);flex:none}
.privacy{margin:0;padding:0 .9em .5em;font-size:.78em;color:var(--muted)}
@media (max-width:480px),(max-height:560px){
.panel{inset:0;width:100%;height:100%;max-height:none;border:0;border-radius:0}
.left .panel{left:0}
.launcher{bottom:12px;right:12px}.left .launcher{left:12px}
.chips{flex-wrap:nowrap;overflow-x:auto;scrollbar-width:thin}.chips button{flex:none;white-space:nowrap}}
@media (prefers-reduced-motion:reduce){*,*::before,*::after{animation:none!important;transition:none!important;scroll-behavior:auto!important}}
@media (forced-colors:active){.launcher,.send,.bubble,.chips button{border:1px solid CanvasText}}
`;
