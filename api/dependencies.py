"""FastAPI dependencies: the routes get their services from the app, never from globals."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.metrics import Metrics
from hakuapu.services import Services
from hakuapu.settings import Settings


def get_services(request: Request) -> Services:
    return request.app.state.services


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_metrics(request: Request) -> Metrics:
    return request.app.state.metrics


ServicesDep = Annotated[Services, Depends(get_services)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
MetricsDep = Annotated[Metrics, Depends(get_metrics)]
