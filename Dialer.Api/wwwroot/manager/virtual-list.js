// Renders only the rows in view (plus a few either side), so thousands of rows cost what a screenful costs.
export class VirtualList {
  constructor(container, { rowHeight, renderRow, overscan = 6 }) {
    Object.assign(this, { container, rowHeight, renderRow, overscan, items: [] });
    this.spacer = container.querySelector('.spacer');
    this.pool = new Map(); // key -> element, reused across renders
    container.addEventListener('scroll', () => this.schedule(), { passive: true });
    new ResizeObserver(() => this.schedule()).observe(container);
  }

  update(items) { this.items = items; this.schedule(); }

  schedule() {
    if (this.pending) return;
    this.pending = requestAnimationFrame(() => { this.pending = 0; this.render(); });
  }

  render() {
    const { container, rowHeight, overscan, items } = this;
    this.spacer.style.height = `${items.length * rowHeight}px`;
    const first = Math.max(0, Math.floor(container.scrollTop / rowHeight) - overscan);
    const last = Math.min(items.length, Math.ceil((container.scrollTop + container.clientHeight) / rowHeight) + overscan);
    const seen = new Set();
    for (let i = first; i < last; i++) {
      const item = items[i];
      let row = this.pool.get(item.key);
      if (!row) { row = document.createElement('div'); this.pool.set(item.key, row); container.append(row); }
      row.style.transform = `translateY(${i * rowHeight}px)`;
      this.renderRow(row, item);
      seen.add(item.key);
    }
    for (const [key, row] of this.pool) if (!seen.has(key)) { row.remove(); this.pool.delete(key); }
  }
}
