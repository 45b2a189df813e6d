package io.sextant.frontend;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;

/**
 * An Apache ECharts chart: the option is the JSON that ECharts documents for {@code setOption},
 * built on the server and replaced as a whole on each call. Clicks on data items come back as
 * {@link ItemClickEvent}s carrying the item's {@code id} (or name, if it has no id).
 */
@Tag("sextant-chart")
@NpmPackage(value = "echarts", version = "5.6.0")
@JsModule("./sextant-chart.js")
public class EChart extends Component implements HasSize, HasStyle {

    public EChart() {
        setWidthFull();
        setHeight("320px");
    }

    /** Replaces the chart's option (ECharts JSON). */
    public void setOption(String optionJson) {
        getElement().setProperty("option", optionJson);
    }


    public Registration addItemClickListener(ComponentEventListener<ItemClickEvent> listener) {
        return addListener(ItemClickEvent.class, listener);
    }

    /** A click on a data item (a bar, a node, a slice). */
    @DomEvent("chart-item-click")
    public static class ItemClickEvent extends ComponentEvent<EChart> {
        private final String itemId;

        public ItemClickEvent(EChart source, boolean fromClient, @EventData("event.detail.id") String itemId) {
            super(source, fromClient);
            this.itemId = itemId;
        }

        public String itemId() {
            return itemId;
        }
    }
}
