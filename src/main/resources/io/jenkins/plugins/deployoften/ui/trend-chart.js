/*
 * Renders DeployOften's trend charts (the job page, its dashboard, the Deploy health page, the widget) with the
 * ECharts library and the helpers of the echarts-api plugin. Each element of class "deployoften-trend" holds an
 * ECharts option in data-chart-model, or the URL to load it from after the page has shown in data-chart-url (the
 * job page, which may show several trends). The option names Jenkins' theme colours by their CSS variables
 * (--success-color); every text gets the theme's text colour. Charts follow their element's size, and the theme
 * when it follows the system's light or dark mode.
 */
(function () {
  "use strict";

  var charts = [];

  function merged(defaults, given) {
    return Object.assign(defaults, given || {});
  }

  /* A theme colour by its CSS variable, or by the fallback variable when the theme does not define it. */
  function themeColor(name, fallback) {
    var color = echartsJenkinsApi.resolveJenkinsColor(name);
    return color && color.trim() ? color : echartsJenkinsApi.resolveJenkinsColor(fallback);
  }

  /* ECharts' own text colours are dark grey, unreadable on the dark theme: use the theme's. */
  function withThemeText(option) {
    var text = echartsJenkinsApi.getTextColor();
    var secondary = echartsJenkinsApi.resolveJenkinsColor("--text-color-secondary");
    option.textStyle = merged({ color: text }, option.textStyle);
    if (option.title) {
      option.title.textStyle = merged({ color: secondary, fontWeight: "normal" }, option.title.textStyle);
    }
    if (option.legend) {
      option.legend.textStyle = merged({ color: text }, option.legend.textStyle);
    }
    ["xAxis", "yAxis"].forEach(function (key) {
      [].concat(option[key] || []).forEach(function (axis) {
        axis.axisLabel = merged({ color: secondary }, axis.axisLabel);
        axis.nameTextStyle = merged({ color: secondary }, axis.nameTextStyle);
        axis.axisLine = merged({}, axis.axisLine);
        axis.axisLine.lineStyle = merged({ color: secondary }, axis.axisLine.lineStyle);
        axis.splitLine = merged({}, axis.splitLine);
        axis.splitLine.lineStyle = merged({ color: echartsJenkinsApi.resolveJenkinsColor("--jenkins-border-color") },
          axis.splitLine.lineStyle);
      });
    });
    [].concat(option.dataZoom || []).forEach(function (zoom) {
      zoom.textStyle = merged({ color: secondary }, zoom.textStyle);
    });
    if (option.tooltip) {
      /* ECharts' tooltip is white with dark text whatever the theme: give it the card's colours. */
      option.tooltip.backgroundColor = option.tooltip.backgroundColor || themeColor("--card-background", "--background");
      option.tooltip.borderColor = option.tooltip.borderColor || themeColor("--jenkins-border-color", "--text-color-secondary");
      option.tooltip.textStyle = merged({ color: text }, option.tooltip.textStyle);
    }
    return option;
  }

  function draw(entry) {
    var option = JSON.parse(echartsJenkinsApi.resolveJenkinsColors(entry.model));
    if (option.series) {
      echartsJenkinsApi.fixEmphasis(option);
    }
    entry.chart.hideLoading();
    entry.chart.setOption(withThemeText(option), true);
  }

  function show(element, model) {
    var entry = { chart: echarts.getInstanceByDom(element) || echarts.init(element), model: model };
    charts.push(entry);
    draw(entry);
    if (typeof ResizeObserver !== "undefined") {
      new ResizeObserver(function () {
        entry.chart.resize();
      }).observe(element);
    }
  }

  function load(element) {
    var model = element.getAttribute("data-chart-model");
    if (model !== null) {
      show(element, model);
      return;
    }
    var url = element.getAttribute("data-chart-url");
    var chart = echarts.init(element);
    chart.showLoading({ text: "", color: echartsJenkinsApi.resolveJenkinsColor("--text-color-secondary"),
      maskColor: "transparent" });
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(url + " answered " + response.status);
        }
        return response.text();
      })
      .then(function (text) {
        show(element, text);
      })
      .catch(function (error) {
        chart.hideLoading();
        console.warn("DeployOften: the trend chart could not be loaded", error);
      });
  }

  function start() {
    document.querySelectorAll(".deployoften-trend").forEach(function (element) {
      if (!element.hasAttribute("data-deployoften-rendered")) {
        element.setAttribute("data-deployoften-rendered", "true");
        load(element);
      }
    });
  }

  if (window.matchMedia) {
    window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", function () {
      charts.forEach(draw);
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
