// xboson explorer front-end (anywidget ES module). Draws precomputed physics in the browser:
//  * kind "region": allowed regions per pixel from band coefficients,
//    lo <= c0 + c1 x + c2 y + c3 x^2 + c4 x y + c5 y^2 <= hi for every band of a layer;
//  * kind "curves": precomputed curves (limits versus m_X, or Delta chi^2 versus g_X).
// Without a kernel it shows the nearest precomputed state; with one, Python pushes exact data
// for the slider's value in the `live` trait. No network access, no NaN drawn.

const NB = 8; // floats per band: 6 coefficients, lo, hi
const MARGIN = { l: 58, r: 12, t: 10, b: 46 };

function f32(view) {
  if (!view) return new Float32Array(0);
  const buf = view.buffer ? view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength) : view;
  return new Float32Array(buf);
}
function f64(view) {
  if (!view) return new Float64Array(0);
  const buf = view.buffer ? view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength) : view;
  return new Float64Array(buf);
}
function i32(view) {
  if (!view) return new Int32Array(0);
  const buf = view.buffer ? view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength) : view;
  return new Int32Array(buf);
}

// ---------------------------------------------------------------- numbers and text
export function fmt(v) {
  if (v === null || v === undefined || !Number.isFinite(v)) return "none";
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return v.toExponential(2).replace("e", "×10^").replace("^+", "^");
  return v.toPrecision(3);
}

// a readout line is a template, or {text, none}: "none" is shown when no placeholder of "text"
// has a finite value (e.g. "Z pole: no limit" instead of "Z pole: < none")
export function readoutLine(line, vars) {
  if (typeof line === "string") return fill(line, vars);
  const keys = [...line.text.matchAll(/\{([A-Za-z0-9_.-]+)\}/g)].map((m) => m[1]);
  const present = keys.some((k) => k in vars && (typeof vars[k] === "string" || Number.isFinite(vars[k])));
  return present ? fill(line.text, vars) : line.none;
}

export function fill(template, vars) {
  return template.replace(/\{([A-Za-z0-9_.-]+)\}/g, (_, k) => (!(k in vars) ? "?" : typeof vars[k] === "string" ? vars[k] : fmt(vars[k])));
}

// ---------------------------------------------------------------- bands
// Allowed set of y for one band at fixed x: {y : lo <= A y^2 + B y + C <= hi}, as sorted
// disjoint closed intervals [[a, b], ...].
function geq(A, B, C) {
  // {y : A y^2 + B y + C >= 0}
  if (A === 0) {
    if (B === 0) return C >= 0 ? [[-Infinity, Infinity]] : [];
    const r = -C / B;
    return B > 0 ? [[r, Infinity]] : [[-Infinity, r]];
  }
  const D = B * B - 4 * A * C;
  if (D < 0) return A > 0 ? [[-Infinity, Infinity]] : [];
  const s = Math.sqrt(D);
  const q = -0.5 * (B + (B >= 0 ? s : -s));
  let r1 = q / A, r2 = q !== 0 ? C / q : r1;
  if (r1 > r2) [r1, r2] = [r2, r1];
  return A > 0 ? [[-Infinity, r1], [r2, Infinity]] : [[r1, r2]];
}
function intersect(s1, s2) {
  const out = [];
  let i = 0, j = 0;
  while (i < s1.length && j < s2.length) {
    const a = Math.max(s1[i][0], s2[j][0]), b = Math.min(s1[i][1], s2[j][1]);
    if (a <= b) out.push([a, b]);
    if (s1[i][1] < s2[j][1]) i++; else j++;
  }
  return out;
}
function bandSlice(b, x, swap) {
  // band coefficients b = [c0..c5, lo, hi]; on the line x = const (or y = const if swap)
  const [c0, c1, c2, c3, c4, c5, lo, hi] = b;
  let A, B, C;
  if (!swap) { A = c5; B = c2 + c4 * x; C = c0 + c1 * x + c3 * x * x; }
  else { A = c3; B = c1 + c4 * x; C = c0 + c2 * x + c5 * x * x; }
  let s = [[-Infinity, Infinity]];
  if (lo > -Infinity) s = intersect(s, geq(A, B, C - lo));
  if (hi < Infinity) s = intersect(s, geq(-A, -B, hi - C));
  return s;
}
export function sliceFeasible(bands, x, swap) {
  let s = [[-Infinity, Infinity]];
  for (const b of bands) {
    s = intersect(s, bandSlice(b, x, swap));
    if (s.length === 0) return false;
  }
  return true;
}

// bands of one layer of a row: row = [n_active, band0(8), band1(8), ...] per layer
function layerBands(row, layer, nBands) {
  const off = layer * (1 + nBands * NB);
  const n = Math.round(row[off]);
  const out = [];
  for (let k = 0; k < n; k++) {
    const b = Array.from(row.subarray(off + 1 + k * NB, off + 1 + (k + 1) * NB));
    out.push(b);
  }
  return out;
}
function finiteBands(bands) {
  for (const b of bands) {
    for (let k = 0; k < 6; k++) if (!Number.isFinite(b[k])) return false;
    if (Number.isNaN(b[6]) || Number.isNaN(b[7])) return false;
  }
  return true;
}

// Extent of the region along x (or y if swap): [min, max] or null. The pixel mask gives a
// bracket; the edges are refined by bisection on the exact slice test.
export function extent(bands, lo, hi, swap, hint) {
  const feas = (x) => sliceFeasible(bands, x, swap);
  let a = hint ? hint[0] : null, b = hint ? hint[1] : null;
  const W = hi - lo;
  if (a === null) {
    // coarse scan over a generous range
    const n = 2000, L = lo - 4 * W, R = hi + 4 * W;
    for (let i = 0; i <= n; i++) {
      const x = L + (R - L) * i / n;
      if (feas(x)) { if (a === null) a = x; b = x; }
    }
    if (a === null) return null;
  }
  const step = W / 300;
  const edge = (x0, dir) => {
    // x0 feasible; walk outwards until infeasible, then bisect
    let inside = x0, d = step, out = x0 + dir * d, n = 0;
    while (feas(out)) {
      inside = out; d *= 2; out = inside + dir * d;
      if (++n > 60) return dir * Infinity;
    }
    for (let k = 0; k < 60; k++) {
      const m = 0.5 * (inside + out);
      if (feas(m)) inside = m; else out = m;
      if (Math.abs(out - inside) <= 1e-9 * Math.max(Math.abs(inside), step)) break;
    }
    return inside;
  };
  return [edge(a, -1), edge(b, +1)];
}

// Region mask of one layer on an nx x ny pixel grid, row-major from the top: pixel (i, j) is in
// when its centre satisfies every band. Each row is solved exactly (every band is a quadratic in
// x at fixed y, so the row's allowed set is an intersection of intervals); this is the per-pixel
// test lo <= c0 + c1 x + c2 y + c3 x^2 + c4 x y + c5 y^2 <= hi without evaluating 40 bands at
// every pixel.
export function regionMask(bands, win, nx, ny) {
  const [x0, x1, y0, y1] = win;
  const mask = new Uint8Array(nx * ny);
  const dx = (x1 - x0) / nx, dy = (y1 - y0) / ny;
  for (let j = 0; j < ny; j++) {
    const y = y1 - (j + 0.5) * dy;
    let s = [[-Infinity, Infinity]];
    for (const b of bands) {
      s = intersect(s, bandSlice(b, y, true));
      if (s.length === 0) break;
    }
    for (const [a, c] of s) {
      const i0 = Math.max(0, Math.ceil((a - x0) / dx - 0.5));
      const i1 = Math.min(nx - 1, Math.floor((c - x0) / dx - 0.5));
      for (let i = i0; i <= i1; i++) mask[j * nx + i] = 1;
    }
  }
  return mask;
}

function parseColour(c) {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c);
  return m ? [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)] : [128, 128, 128];
}

// ---------------------------------------------------------------- axes
function niceTicks(lo, hi, n) {
  const span = hi - lo;
  if (!(span > 0)) return [lo];
  const raw = span / n, p = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= raw) || 10 * p;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * span; v += step) out.push(Math.abs(v) < 1e-12 * span ? 0 : v);
  return out;
}
function tickText(v, log) {
  if (log) {
    const e = Math.round(Math.log10(v));
    return Math.abs(e) <= 2 ? String(Number(Math.pow(10, e).toPrecision(1))) : `1e${e}`;
  }
  return String(Number(v.toPrecision(3)));
}
function symlog(v) { return Math.abs(v) <= 1 ? v : Math.sign(v) * (1 + Math.log10(Math.abs(v))); }

// ---------------------------------------------------------------- state
function paramValues(model, params) {
  const out = {};
  for (const p of params) out[p.name] = model.get(p.name);
  return out;
}
function nearestIndex(p, v) {
  if (p.options) return Number.isInteger(v) && v >= 0 && v < p.options.length ? v : 0;
  const g = p.values;
  const t = (x) => (p.log ? Math.log10(x) : x);
  if (!Number.isFinite(v) || (p.log && v <= 0)) return 0;
  let best = 0, bd = Infinity;
  for (let k = 0; k < g.length; k++) {
    const d = Math.abs(t(g[k]) - t(v));
    if (d < bd) { bd = d; best = k; }
  }
  return best;
}

function render({ model, el }) {
  const spec = model.get("spec");
  const params = spec.params;
  const nVals = spec.value_names.length;
  const rows = f32(model.get("table"));
  const rowOf = i32(model.get("row_of_state"));
  const vals = f64(model.get("values"));
  const rowLen = spec.row_length;
  const constCols = spec.const_columns || [];
  const varCols = spec.var_columns || null;

  const root = document.createElement("div");
  root.className = "xboson-explorer";
  root.style.cssText = "font: 13px/1.35 system-ui, sans-serif; max-width: 100%; color: #222;";
  const title = document.createElement("div");
  title.style.cssText = "font-weight: 600; margin: 2px 0 4px;";
  title.textContent = spec.title || "";
  const canvas = document.createElement("canvas");
  canvas.style.cssText = "display: block; width: 100%; max-width: " + (spec.plot_px + MARGIN.l + MARGIN.r) + "px; touch-action: pan-y;";
  canvas.setAttribute("role", "img");
  const state = document.createElement("div");
  state.className = "xboson-state";
  state.style.cssText = "color: #555; margin-top: 4px;";
  const legend = document.createElement("div");
  legend.className = "xboson-legend";
  legend.style.cssText = "display: flex; flex-wrap: wrap; gap: 4px 14px; margin-top: 4px;";
  const readout = document.createElement("div");
  readout.className = "xboson-readout";
  readout.style.cssText = "font-family: ui-monospace, monospace; margin-top: 4px; white-space: pre-wrap;";
  root.append(title, canvas, legend, state, readout);
  el.appendChild(root);

  function expandRow(r) {
    // rebuild a full row from its stored (variable) columns and the constant columns
    if (!varCols) return rows.subarray(r * rowLen, (r + 1) * rowLen);
    const n = varCols.length, out = new Float32Array(spec.full_row_length);
    for (const [k, v] of constCols) out[k] = v;
    for (let k = 0; k < n; k++) out[varCols[k]] = rows[r * n + k];
    return out;
  }

  function current() {
    const pv = paramValues(model, params);
    const live = model.get("live");
    if (live && live.params && params.every((p) => live.params[p.name] === pv[p.name])) {
      const row = live.row ? f32(live.row) : null;
      return { exact: true, pv, row, values: Array.from(f64(live.values)), label: "exact at the slider's value" };
    }
    const idx = params.map((p) => nearestIndex(p, pv[p.name]));
    let s = 0;
    params.forEach((p, k) => { s = s * (p.options ? p.options.length : p.values.length) + idx[k]; });
    const r = rowOf[s];
    const parts = params.map((p, k) => p.options ? null : `${p.label} = ${fmt(p.values[idx[k]])}${p.unit ? " " + p.unit : ""}`).filter(Boolean);
    const sv = {};
    params.forEach((p, k) => { sv[p.name] = p.options ? idx[k] : p.values[idx[k]]; });
    return {
      exact: false, state: s, pv: sv, row: r >= 0 ? expandRow(r) : null,
      values: Array.from(vals.subarray(s * nVals, (s + 1) * nVals)),
      label: "state " + parts.join(", "),
    };
  }

  let plotW = spec.plot_px, plotH = spec.plot_px;
  function size() {
    const css = Math.min(canvas.parentElement ? canvas.parentElement.clientWidth || spec.plot_px + MARGIN.l + MARGIN.r : 0,
                         spec.plot_px + MARGIN.l + MARGIN.r) || (spec.plot_px + MARGIN.l + MARGIN.r);
    plotW = Math.max(120, Math.round(css - MARGIN.l - MARGIN.r));
    plotH = Math.round(plotW * (spec.aspect || 1));
    const dpr = window.devicePixelRatio || 1;
    const W = plotW + MARGIN.l + MARGIN.r, H = plotH + MARGIN.t + MARGIN.b;
    if (canvas.width !== Math.round(W * dpr)) canvas.width = Math.round(W * dpr);
    if (canvas.height !== Math.round(H * dpr)) canvas.height = Math.round(H * dpr);
    canvas.style.height = H + "px";
    return dpr;
  }

  function axes(ctx, win, xlog, ylog, ysym) {
    const [x0, x1, y0, y1] = win;
    ctx.strokeStyle = "#333"; ctx.lineWidth = 1; ctx.fillStyle = "#222";
    ctx.strokeRect(MARGIN.l + 0.5, MARGIN.t + 0.5, plotW, plotH);
    ctx.font = "11px system-ui, sans-serif";
    const X = (v) => MARGIN.l + plotW * ((xlog ? Math.log10(v) : v) - (xlog ? Math.log10(x0) : x0)) /
      ((xlog ? Math.log10(x1) : x1) - (xlog ? Math.log10(x0) : x0));
    const tY = (v) => (ylog ? Math.log10(v) : ysym ? symlog(v) : v);
    const Y = (v) => MARGIN.t + plotH * (1 - (tY(v) - tY(y0)) / (tY(y1) - tY(y0)));
    const decades = (a, b) => { const o = []; for (let e = Math.ceil(Math.log10(a) - 1e-9); e <= Math.log10(b) + 1e-9; e++) o.push(Math.pow(10, e)); return o; };
    let xt = xlog ? decades(x0, x1) : niceTicks(x0, x1, Math.max(3, Math.floor(plotW / 70)));
    if (xlog && xt.length > 7) xt = xt.filter((v, k) => k % 2 === 0);
    let yt = ylog ? decades(y0, y1) : ysym ? [-0.1, 0, 1, 10, 100, 1000].filter((v) => v >= y0 && v <= y1) : niceTicks(y0, y1, Math.max(3, Math.floor(plotH / 60)));
    if (ylog && yt.length > 7) yt = yt.filter((v, k) => k % 2 === 0);
    ctx.textAlign = "center"; ctx.textBaseline = "top";
    for (const v of xt) { const px = X(v); ctx.beginPath(); ctx.moveTo(px, MARGIN.t + plotH); ctx.lineTo(px, MARGIN.t + plotH + 4); ctx.stroke(); ctx.fillText(tickText(v, xlog), px, MARGIN.t + plotH + 6); }
    ctx.textAlign = "right"; ctx.textBaseline = "middle";
    for (const v of yt) { const py = Y(v); ctx.beginPath(); ctx.moveTo(MARGIN.l - 4, py); ctx.lineTo(MARGIN.l, py); ctx.stroke(); ctx.fillText(tickText(v, ylog), MARGIN.l - 6, py); }
    ctx.font = "12px system-ui, sans-serif"; ctx.textAlign = "center"; ctx.textBaseline = "bottom";
    ctx.fillText(spec.xlabel, MARGIN.l + plotW / 2, MARGIN.t + plotH + MARGIN.b - 2);
    ctx.save(); ctx.translate(12, MARGIN.t + plotH / 2); ctx.rotate(-Math.PI / 2); ctx.textBaseline = "middle";
    ctx.fillText(spec.ylabel, 0, 0); ctx.restore();
    return { X, Y };
  }

  function noData(ctx, why) {
    ctx.fillStyle = "#f4f4f4"; ctx.fillRect(MARGIN.l, MARGIN.t, plotW, plotH);
    ctx.fillStyle = "#444"; ctx.font = "14px system-ui, sans-serif"; ctx.textAlign = "center"; ctx.textBaseline = "middle";
    ctx.fillText("no data for this state", MARGIN.l + plotW / 2, MARGIN.t + plotH / 2);
    if (why) { ctx.font = "11px system-ui, sans-serif"; ctx.fillText(why, MARGIN.l + plotW / 2, MARGIN.t + plotH / 2 + 18); }
  }

  function drawRegion(ctx, cur, named) {
    const win = [named.x0, named.x1, named.y0, named.y1];
    const img = ctx.createImageData(plotW, plotH);
    const px = img.data;
    for (let k = 0; k < px.length; k += 4) { px[k] = px[k + 1] = px[k + 2] = 255; px[k + 3] = 255; }
    const computed = {};
    let drawn = 0;
    spec.layers.forEach((layer, li) => {
      const bands = layerBands(cur.row, li, spec.n_bands);
      if (bands.length === 0 || !finiteBands(bands)) return;
      const mask = regionMask(bands, win, plotW, plotH);
      const [r, g, b] = parseColour(layer.colour), a = layer.opacity;
      let imin = plotW, imax = -1, jmin = plotH, jmax = -1;
      for (let j = 0; j < plotH; j++) for (let i = 0; i < plotW; i++) {
        if (!mask[j * plotW + i]) continue;
        const o = 4 * (j * plotW + i);
        px[o] = px[o] * (1 - a) + r * a; px[o + 1] = px[o + 1] * (1 - a) + g * a; px[o + 2] = px[o + 2] * (1 - a) + b * a;
        if (i < imin) imin = i; if (i > imax) imax = i; if (j < jmin) jmin = j; if (j > jmax) jmax = j;
      }
      drawn++;
      if (li === spec.readout_layer) {
        const dx = (win[1] - win[0]) / plotW, dy = (win[3] - win[2]) / plotH;
        const hx = imax >= 0 && imin > 0 && imax < plotW - 1 ? [win[0] + (imin + 0.5) * dx, win[0] + (imax + 0.5) * dx] : null;
        const hy = jmax >= 0 && jmin > 0 && jmax < plotH - 1 ? [win[3] - (jmax + 0.5) * dy, win[3] - (jmin + 0.5) * dy] : null;
        const ex = extent(bands, win[0], win[1], false, hx), ey = extent(bands, win[2], win[3], true, hy);
        if (ex && ey) {
          Object.assign(computed, { xmin: ex[0], xmax: ex[1], ymin: ey[0], ymax: ey[1] });
          if ("scale" in named) {
            computed.lmax = Math.sqrt(Math.max(Math.abs(ex[0]), Math.abs(ex[1])) * named.scale);
            computed.rmax = Math.sqrt(Math.max(Math.abs(ey[0]), Math.abs(ey[1])) * named.scale);
          }
        }
      }
    });
    const dpr = ctx.getTransform().a;
    if (dpr === 1) ctx.putImageData(img, MARGIN.l, MARGIN.t);
    else {
      // putImageData ignores the transform: paint 1:1 on a scratch canvas, then scale it in
      const tmp = document.createElement("canvas"); tmp.width = plotW; tmp.height = plotH;
      tmp.getContext("2d").putImageData(img, 0, 0);
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(tmp, MARGIN.l, MARGIN.t, plotW, plotH);
    }
    const { X, Y } = axes(ctx, win, false, false, false);
    ctx.strokeStyle = "#999"; ctx.lineWidth = 0.6;
    if (win[0] < 0 && win[1] > 0) { ctx.beginPath(); ctx.moveTo(X(0), MARGIN.t); ctx.lineTo(X(0), MARGIN.t + plotH); ctx.stroke(); }
    if (win[2] < 0 && win[3] > 0) { ctx.beginPath(); ctx.moveTo(MARGIN.l, Y(0)); ctx.lineTo(MARGIN.l + plotW, Y(0)); ctx.stroke(); }
    return { computed, drawn };
  }

  function drawCurves(ctx, cur, named) {
    const win = spec.window;
    ctx.fillStyle = "#fff"; ctx.fillRect(MARGIN.l, MARGIN.t, plotW, plotH);
    const { X, Y } = axes(ctx, win, spec.xlog, spec.ylog, spec.ysymlog);
    const xs = spec.x_points, n = xs.length;
    ctx.save(); ctx.beginPath(); ctx.rect(MARGIN.l, MARGIN.t, plotW, plotH); ctx.clip();
    const clampY = (v) => Math.min(Math.max(v, win[2]), win[3]);
    let series = 0;
    for (const c of spec.curves) {
      const get = (s) => cur.row.subarray(s * n, (s + 1) * n);
      const y = get(series), y2 = c.fill === "band" ? get(series + 1) : null;
      series += c.fill === "band" ? 2 : 1;
      const ok = (k) => Number.isFinite(y[k]) && (!spec.ylog || y[k] > 0);
      if (c.fill === "band" || c.fill === "above") {
        const [r, g, b] = parseColour(c.colour);
        ctx.fillStyle = `rgba(${r},${g},${b},${c.opacity || 0.8})`;
        for (let k = 0; k + 1 < n; k++) {
          if (!ok(k) || !ok(k + 1)) continue;
          const top1 = c.fill === "band" ? y2[k] : win[3], top2 = c.fill === "band" ? y2[k + 1] : win[3];
          if (!Number.isFinite(top1) || !Number.isFinite(top2)) continue;
          ctx.beginPath();
          ctx.moveTo(X(xs[k]), Y(clampY(y[k]))); ctx.lineTo(X(xs[k + 1]), Y(clampY(y[k + 1])));
          ctx.lineTo(X(xs[k + 1]), Y(clampY(top2))); ctx.lineTo(X(xs[k]), Y(clampY(top1))); ctx.closePath(); ctx.fill();
        }
        continue;
      }
      ctx.strokeStyle = c.colour; ctx.lineWidth = c.width || 1.6;
      ctx.setLineDash(c.style === "dotted" ? [2, 3] : c.style === "dashed" ? [6, 4] : []);
      ctx.beginPath();
      let pen = false;
      for (let k = 0; k < n; k++) {
        if (!ok(k)) { pen = false; continue; }
        const px = X(xs[k]), py = Y(clampY(y[k]));
        if (pen) ctx.lineTo(px, py); else ctx.moveTo(px, py);
        pen = true;
      }
      ctx.stroke();
    }
    ctx.setLineDash([]);
    for (const h of spec.hlines || []) {
      ctx.strokeStyle = "#666"; ctx.lineWidth = 0.8; ctx.setLineDash([2, 2]);
      ctx.beginPath(); ctx.moveTo(MARGIN.l, Y(h.y)); ctx.lineTo(MARGIN.l + plotW, Y(h.y)); ctx.stroke(); ctx.setLineDash([]);
    }
    for (const m of spec.vmarks || []) {
      const v = m.param ? named[m.param] : named[m.value];
      if (!Number.isFinite(v) || v < win[0] || v > win[1]) continue;
      ctx.strokeStyle = m.colour || "#444"; ctx.lineWidth = 1; ctx.setLineDash([5, 3]);
      ctx.beginPath(); ctx.moveTo(X(v), MARGIN.t); ctx.lineTo(X(v), MARGIN.t + plotH); ctx.stroke(); ctx.setLineDash([]);
    }
    for (const d of spec.dots || []) {
      const x = named[d.x], v = named[d.value];
      if (!Number.isFinite(x) || !Number.isFinite(v) || v < win[2] || v > win[3]) continue;
      ctx.fillStyle = d.colour || "#000"; ctx.beginPath(); ctx.arc(X(x), Y(v), 3.5, 0, 2 * Math.PI); ctx.fill();
    }
    ctx.restore();
    return { computed: {}, drawn: 1 };
  }

  function buildLegend(items) {
    legend.replaceChildren();
    for (const it of items) {
      const s = document.createElement("span");
      s.style.cssText = "display: inline-flex; align-items: center; gap: 5px;";
      const sw = document.createElement("span");
      const dash = it.style === "dotted" ? "dotted" : it.style === "dashed" ? "dashed" : "solid";
      sw.style.cssText = it.line
        ? `display: inline-block; width: 20px; height: 0; border-top: 2px ${dash} ${it.colour};`
        : `display: inline-block; width: 13px; height: 13px; background: ${it.colour}; opacity: ${it.opacity ?? 1}; border: 1px solid #666;`;
      s.append(sw, document.createTextNode(it.label));
      legend.append(s);
    }
  }
  if (spec.kind === "region") buildLegend(spec.layers.map((l) => ({ label: l.label, colour: l.colour, opacity: l.opacity })));
  else buildLegend(spec.curves.filter((c) => c.label).map((c) => ({ label: c.label, colour: c.colour, style: c.style, line: !c.fill, opacity: c.opacity })));

  let shown = null;
  function redraw() {
    const t0 = performance.now();
    const cur = current();
    const key = JSON.stringify([cur.exact ? cur.pv : cur.state, cur.exact ? cur.values : null,
                                canvas.parentElement && canvas.parentElement.clientWidth, window.devicePixelRatio]);
    if (key === shown) {         // same state as on screen (the slider moved within it)
      (window.__xbosonDraws = window.__xbosonDraws || []).push({ start: t0, end: performance.now(), same: true });
      return;
    }
    shown = key;
    const dpr = size();
    const ctx = canvas.getContext("2d");
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const named = {};
    spec.value_names.forEach((k, i) => { named[k] = cur.values[i]; });
    Object.assign(named, cur.pv);
    for (const p of params) if (p.options) named[p.name] = p.options[nearestIndex(p, cur.pv[p.name])];
    let lines = [];
    const badValues = spec.kind === "region" && ["x0", "x1", "y0", "y1"].some((k) => !Number.isFinite(named[k]));
    if (!cur.row || badValues) {
      axes(ctx, spec.kind === "region" ? [0, 1, 0, 1] : spec.window, spec.xlog, spec.ylog, spec.ysymlog);
      noData(ctx, spec.missing_note);
      lines = ["no data for this state" + (spec.missing_note ? " (" + spec.missing_note + ")" : "")];
    } else {
      const res = spec.kind === "region" ? drawRegion(ctx, cur, named) : drawCurves(ctx, cur, named);
      Object.assign(named, res.computed);
      if (spec.kind === "region" && res.drawn === 0) noData(ctx, spec.missing_note);
      lines = spec.readout.map((t) => readoutLine(t, named));
    }
    state.textContent = cur.label;
    readout.textContent = lines.join("\n");
    canvas.setAttribute("aria-label", (spec.title || "explorer") + ": " + cur.label);
    const t1 = performance.now();
    el.dataset.drawMs = String(t1 - t0);
    el.dataset.drawCount = String(Number(el.dataset.drawCount || 0) + 1);
    (window.__xbosonDraws = window.__xbosonDraws || []).push({ start: t0, end: t1, same: false });
  }

  const names = params.map((p) => "change:" + p.name).concat(["change:live"]).join(" ");
  model.on(names, redraw);
  let lastW = 0;
  const ro = new ResizeObserver(() => { const w = root.clientWidth; if (w !== lastW) { lastW = w; redraw(); } });
  ro.observe(root);
  redraw();
  return () => { ro.disconnect(); model.off(names, redraw); };
}

export default { render };
