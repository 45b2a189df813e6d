// <sextant-chart>: a thin custom element over Apache ECharts. The server sets `option` (JSON);
// clicks on data items are sent back as `chart-item-click` with the item's id or name.
import * as echarts from 'echarts';

class SextantChart extends HTMLElement {
  set option(json) {
    this._json = json;
    this._render();
  }

  get option() {
    return this._json || '';
  }

  connectedCallback() {
    if (!this.style.display) {
      this.style.display = 'block';
    }
    if (!this._chart) {
      this._chart = echarts.init(this, null, { renderer: 'svg' });
      this._chart.on('click', (p) => {
        const id = (p.data && p.data.id) || p.name || '';
        this.dispatchEvent(new CustomEvent('chart-item-click', { detail: { id: String(id) } }));
      });
      this._resize = new ResizeObserver(() => this._chart && this._chart.resize());
      this._resize.observe(this);
    }
    this._render();
  }

  disconnectedCallback() {
    if (this._resize) {
      this._resize.disconnect();
      this._resize = null;
    }
    if (this._chart) {
      this._chart.dispose();
      this._chart = null;
    }
  }

  _render() {
    if (this._chart && this._json) {
      this._chart.setOption(JSON.parse(this._json), true);
      this.setAttribute('data-rendered', 'true');
    }
  }
}

customElements.define('sextant-chart', SextantChart);
