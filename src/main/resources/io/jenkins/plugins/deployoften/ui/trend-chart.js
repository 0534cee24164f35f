/* Renders every DeployOften trend chart on the page from the ECharts option in its data attribute. */
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".deployoften-trend").forEach(function (element) {
    var model = element.getAttribute("data-chart-model");
    if (typeof echartsJenkinsApi !== "undefined") {
      // theme colours are given as CSS variables (--success-color), resolved in the current theme
      model = echartsJenkinsApi.resolveJenkinsColors(model);
    }
    echarts.init(element).setOption(JSON.parse(model));
  });
});
