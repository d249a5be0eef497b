"""huizong — 报表汇总与公文生成. The application package: CLI, web service and storage wiring only."""

__version__ = "0.1.0"
