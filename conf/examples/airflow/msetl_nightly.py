"""Airflow DAG: msetl nightly with SparkSubmitOperator, then a sensor on the published manifest.

Needs apache-airflow-providers-apache-spark (SparkSubmitOperator) and
apache-airflow-providers-apache-hdfs (WebHDFSHook); the connection `spark_default` names the
master (yarn, k8s://..., spark://...). The submit runs in client mode on the Airflow worker, so
the jar and the --conf file are worker-local paths; the data is on HDFS.

msetl's exit codes: 0 ok, 1 failed run, 2 usage error, 3 another run holds the tables lock. The
task retries once after 30 minutes, which covers 3 (a run still going) and a transient failure.
"""

from datetime import datetime, timedelta
import json

from airflow import DAG
from airflow.providers.apache.hdfs.hooks.webhdfs import WebHDFSHook
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
from airflow.sensors.python import PythonSensor

EXPORTS = "/warehouse/msetl/exports"


def manifest_published(**_):
    """True once `latest` names an export whose manifest.json exists.

    The manifest is written into the export before the export folder is renamed into place and
    `latest` is moved, so a readable manifest means a complete export. An unchanged library keeps
    the previous export (same id): the sensor then passes at once. Training DAGs can wait on the
    same check.
    """
    client = WebHDFSHook(webhdfs_conn_id="webhdfs_default").get_conn()
    try:
        with client.read(EXPORTS + "/latest") as f:
            export_id = f.read().decode("utf-8").strip()
        with client.read(EXPORTS + "/" + export_id + "/manifest.json") as f:
            manifest = json.loads(f.read().decode("utf-8"))
    except Exception:  # not published yet
        return False
    return manifest.get("export_id") == export_id


with DAG(
    dag_id="msetl_nightly",
    schedule="15 2 * * *",
    start_date=datetime(2026, 12, 1),
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 1, "retry_delay": timedelta(minutes=30)},
) as dag:
    nightly = SparkSubmitOperator(
        task_id="nightly",
        conn_id="spark_default",
        deploy_mode="client",
        java_class="io.msetl.cli.Msetl",
        application="/opt/msetl/msetl-jobs-0.1.0-cluster.jar",
        properties_file="/opt/msetl/conf/spark-defaults.conf",
        application_args=[
            "--conf",
            "/opt/msetl/conf/cluster.properties",
            "nightly",
            "--input",
            "hdfs:///data/nist/current",
            "--tables",
            "hdfs:///warehouse/msetl/tables",
            "--exports",
            "hdfs:///warehouse/msetl/exports",
            "--keep-exports",
            "7",
            "--wait",
            "600",
        ],
        name="msetl-nightly",
    )

    manifest = PythonSensor(
        task_id="manifest_published",
        python_callable=manifest_published,
        poke_interval=60,
        timeout=60 * 60,
        mode="reschedule",
    )

    nightly >> manifest
