/**
 * The widget's styles, adopted by its shadow root as a constructable stylesheet: this works under
 * `style-src 'self'` without 'unsafe-inline' (no <style> element, no style attribute).
 *
 * The look follows KERN, the German public-sector design system (@kern-ux/native 2.7, used as a
 * reference, not bundled: its CSS alone is 36 KB gzipped): 4/8/16/24 px spacing, a 14/16/18/20 px
 * type scale, 48 px buttons with 4 px radius (primary filled, secondary outlined), a 4 px focus
 * outline 2 px off the element. A town adapts it with custom properties on the element (see
 * docs/widget.md): --faq-brand, --faq-on-brand, --faq-accent-dark, --faq-font. `brand` is the
 * validated data-color (>= 4.5:1 on white), `accentDark` its lightened twin for dark mode.
 */
export function widgetCss(brand: string, accentDark: string): string {
  return `:host{all:initial;--brand:var(--faq-brand,${brand});--on-brand:var(--faq-on-brand,#fff);--accent:var(--brand);--ink:#1e1f2b;--muted:#4b4f63;--line:#6e7597;--soft:#f3f4f8;--bg:#fff;--citizen:#e6ecf7;--focus:#454b6b;--error:#a4000f;--s1:.25rem;--s2:.5rem;--s3:1rem;--s4:1.5rem;--radius:4px}
@media (prefers-color-scheme:dark){:host{--accent:var(--faq-accent-dark,${accentDark});--ink:#eef0f6;--muted:#c4c8d8;--line:#9aa0ba;--soft:#252733;--bg:#16171d;--citizen:#22304a;--focus:#eef0f6;--error:#ff9c9c}}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
.root{font-family:var(--faq-font,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif);font-size:1rem;line-height:1.5;color:var(--ink)}
.sr-only{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
button,input,textarea{font:inherit;color:inherit}
button{cursor:pointer}
:focus-visible{outline:4px solid var(--focus);outline-offset:2px}
a{color:var(--accent);text-decoration:underline;overflow-wrap:anywhere}
a:hover{text-decoration-thickness:2px}
p{margin:var(--s2) 0}
.launcher{position:fixed;z-index:2147483000;bottom:var(--s3);right:var(--s3);display:flex;align-items:center;gap:var(--s2);max-width:calc(100vw - 2rem);min-height:3rem;padding:var(--s2) var(--s3);border:2px solid var(--on-brand);border-radius:1.5rem;background:var(--brand);color:var(--on-brand);font-weight:600;box-shadow:0 2px 8px rgba(0,0,0,.35);text-align:left}
.left .launcher{right:auto;left:var(--s3)}
.launcher .icon{flex:none;display:inline-flex;align-items:center;justify-content:center;width:1.6rem;height:1.6rem;border-radius:50%;background:var(--on-brand);color:var(--brand);font-weight:700}
.panel{position:fixed;z-index:2147483001;bottom:5rem;right:var(--s3);width:min(27rem,calc(100vw - 2rem));height:min(42rem,calc(100vh - 6.5rem));display:flex;flex-direction:column;background:var(--bg);color:var(--ink);border:1px solid var(--line);border-radius:8px;box-shadow:0 6px 24px rgba(0,0,0,.3);overflow:hidden;animation:rise .18s ease-out}
.left .panel{right:auto;left:var(--s3)}
.head{flex:none;display:flex;align-items:center;gap:var(--s2);padding:var(--s2) var(--s2) var(--s2) var(--s3);background:var(--brand);color:var(--on-brand)}
.head h2{flex:1 1 auto;margin:0;font-size:1.125rem;line-height:1.3}
.head button{flex:none;min-width:3rem;min-height:3rem;padding:var(--s1) var(--s2);border:2px solid var(--on-brand);border-radius:var(--radius);background:transparent;color:var(--on-brand)}
.head .close span{font-size:1.5rem;line-height:1}
.head button:hover{background:rgba(255,255,255,.15)}
.head :focus-visible{outline-color:var(--on-brand)}
.modes{flex:none;display:flex;flex-wrap:wrap;gap:var(--s2);padding:0 var(--s2) var(--s2) var(--s3);background:var(--brand)}
.modes[hidden]{display:none}
.modes button{min-height:2.75rem;padding:var(--s1) var(--s2);border:2px solid var(--on-brand);border-radius:var(--radius);background:transparent;color:var(--on-brand);font-weight:600}
.modes button[aria-pressed=true]{background:var(--on-brand);color:var(--brand)}
.modes :focus-visible{outline-color:var(--on-brand)}
.body{flex:1 1 auto;min-height:6rem;overflow-y:auto;overscroll-behavior:contain;padding:var(--s3);overflow-wrap:anywhere}
.msg{margin:0 0 var(--s3);padding:var(--s2) var(--s3);border-radius:8px;animation:rise .18s ease-out}
.msg ul,.msg ol{margin:var(--s2) 0;padding-left:1.4rem}
.citizen{margin-left:2.5rem;background:var(--citizen);border:1px solid var(--line);border-bottom-right-radius:2px}
.assistant{margin-right:var(--s3);background:var(--bg);border:1px solid var(--line);border-bottom-left-radius:2px}
.intro{background:var(--soft);border-left:4px solid var(--accent)}
.greeting{font-size:1.125rem}
.warning{font-size:.875rem}
.links{display:flex;flex-wrap:wrap;gap:var(--s1) var(--s3);font-size:.875rem}
.meta{color:var(--muted);font-size:.875rem}
.left-out{border-top:1px solid var(--line);padding-top:var(--s2)}
.choices-label{font-weight:600;margin-bottom:var(--s1)}
.choices{list-style:none;margin:0 0 var(--s2);padding:0}
.msg .choices{padding:0}
.choices li{margin:var(--s2) 0}
.btn,.chip{min-height:3rem;padding:var(--s2) var(--s3);border-radius:var(--radius);border:2px solid var(--brand);font-weight:600}
.btn{background:var(--brand);color:var(--on-brand)}
.chip,.btn.secondary{background:transparent;color:var(--accent);border-color:var(--accent)}
.chip{width:100%;min-height:2.75rem;text-align:left;font-weight:400}
.btn:hover,.chip:hover{text-decoration:underline}
.btn[aria-pressed=true]{background:var(--brand);color:var(--on-brand);border-color:var(--brand)}
.btn[aria-pressed=true]::before{content:"✓ "}
.feedback{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:var(--s2);margin-top:var(--s2);border-top:1px solid var(--soft);padding-top:var(--s2)}
.feedback p{margin:0;font-size:.875rem}
.votes{display:flex;flex:none;gap:var(--s2)}
.vote{min-width:3.5rem;min-height:2.75rem;padding:var(--s1) .75rem;font-size:.875rem}
.thanks{margin-top:var(--s1)}
.thinking{display:flex;align-items:center;gap:var(--s2);color:var(--muted)}
.dots{display:inline-flex;gap:3px}
.dots span{width:.45rem;height:.45rem;border-radius:50%;background:currentColor;animation:blink 1s infinite}
.dots span:nth-child(2){animation-delay:.2s}
.dots span:nth-child(3){animation-delay:.4s}
.error{color:var(--error);font-weight:600;margin:var(--s1) 0}
.card{margin:var(--s3) 0;padding:var(--s3);border:2px solid var(--accent);border-radius:8px;background:var(--bg)}
.card h3{margin:0 0 var(--s2);font-size:1.125rem}
.card h4{margin:var(--s2) 0 var(--s1);font-size:1rem}
.field{margin:var(--s3) 0}
.field label{display:block;font-weight:600}
.field input,.field textarea{display:block;width:100%;margin-top:var(--s1);min-height:3rem;padding:var(--s2);border:2px solid var(--line);border-radius:var(--radius);background:var(--bg)}
.field textarea{resize:vertical;min-height:5rem}
[aria-invalid=true]{border-color:var(--error)!important}
.hint{margin:var(--s1) 0 0;color:var(--muted);font-size:.875rem}
.info{margin:var(--s3) 0;padding:var(--s2) var(--s3);background:var(--soft);font-size:.875rem}
.info dl{margin:0}
.info dt{font-weight:600}
.info dd{margin:0 0 var(--s1)}
.check{display:flex;gap:var(--s2);align-items:flex-start;margin:var(--s3) 0}
.check input{flex:none;width:1.5rem;height:1.5rem;margin:.1rem 0 0}
.actions{display:flex;flex-wrap:wrap;gap:var(--s2);margin-top:var(--s3)}
code{font-family:ui-monospace,Consolas,monospace;font-size:1.0625rem;letter-spacing:.04em;padding:var(--s1) var(--s2);background:var(--soft);border:1px solid var(--line);border-radius:var(--radius);overflow-wrap:anywhere}
.ticket dl{margin:var(--s2) 0}
.ticket dt{font-weight:600;margin-top:var(--s2)}
.ticket dd{margin:var(--s1) 0 0}
.copyable{display:flex;flex-wrap:wrap;align-items:center;gap:var(--s2)}
.copy{min-height:2.75rem;padding:var(--s1) var(--s3);font-size:.875rem}
details{margin:var(--s3) 0}
summary{cursor:pointer;color:var(--accent);font-weight:600;min-height:2.75rem;padding:var(--s2) 0}
.ask{flex:none;padding:var(--s2) var(--s3) var(--s3);border-top:1px solid var(--line);background:var(--bg)}
.ask label{display:block;font-weight:600}
.ask .row{display:flex;gap:var(--s2);margin-top:var(--s1)}
.ask input{flex:1 1 auto;min-width:0;min-height:3rem;padding:var(--s2);border:2px solid var(--line);border-radius:var(--radius);background:var(--bg)}
.ask .hint{font-size:.875rem}
@keyframes rise{from{opacity:0;transform:translateY(.4rem)}to{opacity:1;transform:none}}
@keyframes blink{0%,100%{opacity:.25}50%{opacity:1}}
@media (max-width:37.49rem){.panel,.left .panel{inset:0;width:100%;height:100vh;height:100dvh;max-height:none;border:0;border-radius:0;padding:env(safe-area-inset-top) env(safe-area-inset-right) env(safe-area-inset-bottom) env(safe-area-inset-left);box-shadow:none}.open .launcher{display:none}.launcher{right:var(--s2);bottom:var(--s2);max-width:calc(100vw - 1rem)}.left .launcher{left:var(--s2)}.citizen{margin-left:var(--s3)}.assistant{margin-right:0}.body{padding:var(--s3) var(--s2)}}
@media (max-height:30rem){.panel{overflow-y:auto;height:auto;max-height:calc(100vh - 6.5rem)}.body{flex:none;overflow:visible}}
@media (max-height:30rem) and (max-width:37.49rem){.panel{max-height:none;height:100dvh}}
@media (prefers-reduced-motion:reduce){*,*::before,*::after{animation:none!important;transition:none!important;scroll-behavior:auto!important}.dots span{opacity:.7}}
@media (forced-colors:active){.launcher,.btn,.chip,.head button,.modes button,.card,.msg{border:2px solid ButtonText}.btn[aria-pressed=true],.modes button[aria-pressed=true]{forced-color-adjust:none;background:Highlight;color:HighlightText;border-color:Highlight}.dots span{background:CanvasText}:focus-visible{outline-color:Highlight}}`;
}
