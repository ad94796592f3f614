/**
 * The widget's styles, adopted by its shadow root as a constructable stylesheet: this works under
 * `style-src 'self'` without 'unsafe-inline' (no <style> element, no style attribute). The brand
 * colour arrives as a validated hex value in the custom property `--brand`.
 */
export function widgetCss(brand: string): string {
  return `:host{all:initial;--brand:${brand};--ink:#1b1b1b;--muted:#4d4d4d;--line:#767676;--soft:#f3f5f8}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
.root{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:1rem;line-height:1.5;color:var(--ink)}
.sr-only{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
button,input,textarea{font:inherit;color:inherit}
button{cursor:pointer}
:focus-visible{outline:3px solid var(--ink);outline-offset:2px;box-shadow:0 0 0 2px #fff}
a{color:var(--brand);text-decoration:underline;overflow-wrap:anywhere}
a:hover{text-decoration-thickness:2px}
.launcher{position:fixed;z-index:2147483000;bottom:1rem;right:1rem;display:flex;align-items:center;gap:.5rem;max-width:calc(100vw - 2rem);min-height:3rem;padding:.6rem 1.1rem;border:2px solid #fff;border-radius:1.5rem;background:var(--brand);color:#fff;font-weight:600;box-shadow:0 2px 8px rgba(0,0,0,.35);text-align:left}
.left .launcher{right:auto;left:1rem}
.launcher .icon{flex:none;display:inline-flex;align-items:center;justify-content:center;width:1.6rem;height:1.6rem;border-radius:50%;background:#fff;color:var(--brand);font-weight:700}
.panel{position:fixed;z-index:2147483001;bottom:5rem;right:1rem;width:min(26rem,calc(100vw - 2rem));max-height:calc(100vh - 6.5rem);display:flex;flex-direction:column;background:#fff;color:var(--ink);border:1px solid var(--line);border-radius:.5rem;box-shadow:0 6px 24px rgba(0,0,0,.3);overflow:hidden;animation:rise .18s ease-out}
.left .panel{right:auto;left:1rem}
.head{display:flex;align-items:center;gap:.5rem;padding:.5rem .5rem .5rem 1rem;background:var(--brand);color:#fff}
.head h2{flex:1 1 auto;margin:0;font-size:1.05rem;line-height:1.3}
.head button{flex:none;min-width:2.75rem;min-height:2.75rem;padding:.25rem .6rem;border:2px solid #fff;border-radius:.35rem;background:transparent;color:#fff}
.head button:hover{background:rgba(255,255,255,.15)}
.head :focus-visible{outline-color:#fff;box-shadow:0 0 0 2px var(--ink)}
.body{flex:1 1 auto;min-height:6rem;overflow-y:auto;padding:.75rem 1rem;overflow-wrap:anywhere}
.intro{margin:0 0 .75rem;padding:.6rem .75rem;border-left:4px solid var(--brand);background:var(--soft);font-size:.95rem}
.intro p{margin:.25rem 0}
.links{display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.msg{margin:.6rem 0;padding:.5rem .75rem;border-radius:.5rem;animation:rise .18s ease-out}
.msg p{margin:.3rem 0}
.msg ul,.msg ol{margin:.3rem 0;padding-left:1.4rem}
.citizen{margin-left:2rem;background:#e6eef7;border:1px solid #c2d3e6}
.assistant{margin-right:1rem;background:#fff;border:1px solid #c9c9c9}
.meta{color:var(--muted);font-size:.9rem}
.choices{list-style:none;margin:.3rem 0;padding:0}
.choices li{margin:.3rem 0}
.btn,.chip{min-height:2.75rem;padding:.45rem .9rem;border-radius:.35rem;border:2px solid var(--brand)}
.btn{background:var(--brand);color:#fff;font-weight:600}
.chip,.btn.secondary{background:#fff;color:var(--brand)}
.chip{width:100%;text-align:left}
.btn:hover,.chip:hover{text-decoration:underline}
[aria-pressed=true]{background:var(--brand);color:#fff}
.feedback{display:flex;flex-wrap:wrap;align-items:center;gap:.4rem;margin-top:.4rem}
.feedback p{margin:0 .3rem 0 0}
.feedback .btn{min-width:3.5rem}
.thinking{color:var(--muted);font-style:italic}
.error{color:#a4000f;font-weight:600;margin:.25rem 0}
.card{margin:.75rem 0;padding:.75rem;border:2px solid var(--brand);border-radius:.5rem;background:#fff}
.card h3{margin:0 0 .5rem;font-size:1.05rem}
.card h4{margin:.5rem 0 .25rem;font-size:1rem}
.field{margin:.6rem 0}
.field label{display:block;font-weight:600}
.field input,.field textarea{display:block;width:100%;margin-top:.2rem;padding:.45rem .55rem;border:2px solid var(--line);border-radius:.3rem;background:#fff}
.field textarea{resize:vertical;min-height:5rem}
[aria-invalid=true]{border-color:#a4000f!important}
.hint{margin:.2rem 0 0;color:var(--muted);font-size:.9rem}
.info{margin:.6rem 0;padding:.5rem .75rem;background:var(--soft);font-size:.9rem}
.info dl{margin:0}
.info dt{font-weight:600}
.info dd{margin:0 0 .3rem}
.check{display:flex;gap:.6rem;align-items:flex-start;margin:.6rem 0}
.check input{flex:none;width:1.4rem;height:1.4rem;margin:.1rem 0 0}
.check label{font-weight:400}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.6rem}
code{font-family:ui-monospace,Consolas,monospace;font-size:.95rem;padding:.05rem .25rem;background:var(--soft);border:1px solid #d0d0d0;border-radius:.2rem;overflow-wrap:anywhere}
.ticket dl{margin:.3rem 0}
.ticket dd{margin:0 0 .3rem}
details{margin:.75rem 0}
summary{cursor:pointer;color:var(--brand);font-weight:600;min-height:2rem}
.ask{flex:none;padding:.6rem 1rem .75rem;border-top:1px solid var(--line);background:#fff}
.ask label{display:block;font-weight:600}
.ask .row{display:flex;gap:.5rem;margin-top:.25rem}
.ask input{flex:1 1 auto;min-width:0;min-height:2.75rem;padding:.45rem .55rem;border:2px solid var(--line);border-radius:.3rem;background:#fff}
.ask .hint{font-size:.85rem}
@keyframes rise{from{opacity:0;transform:translateY(.4rem)}to{opacity:1;transform:none}}
@media (max-width:30rem){.panel,.left .panel{left:.5rem;right:.5rem;width:auto;top:.5rem;bottom:4.5rem;max-height:none}.launcher{right:.5rem;bottom:.5rem;max-width:calc(100vw - 1rem)}.left .launcher{left:.5rem}.citizen{margin-left:1rem}.assistant{margin-right:0}}
@media (max-height:30rem){.panel{overflow-y:auto}.body{flex:none;overflow:visible}}
@media (prefers-reduced-motion:reduce){*,*::before,*::after{animation:none!important;transition:none!important;scroll-behavior:auto!important}}
@media (forced-colors:active){.launcher,.btn,.chip,.head button{border:2px solid ButtonText}}`;
}
