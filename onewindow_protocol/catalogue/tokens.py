"""The enumerations of the catalogue file: their values are the file's tokens (and the values
the counter keeps in its database columns); the counter's UI translates them."""

from __future__ import annotations

import enum


class ItemType(enum.StrEnum):
    LICENCE = "licence"  # 行政许可
    CONFIRMATION = "confirmation"  # 行政确认
    BENEFIT = "benefit"  # 行政给付
    ADJUDICATION = "adjudication"  # 行政裁决
    AWARD = "award"  # 行政奖励
    OTHER_POWER = "other_power"  # 其他行政权力
    PUBLIC_SERVICE = "public_service"  # 公共服务


class ItemStatus(enum.StrEnum):
    IN_FORCE = "in_force"
    SUSPENDED = "suspended"  # listed, but not to be taken at the counter


class ApplicantKind(enum.StrEnum):
    NATURAL_PERSON = "natural_person"
    LEGAL_PERSON = "legal_person"


class Handling(enum.StrEnum):
    ON_THE_SPOT = "on_the_spot"  # 即办件
    PROMISED = "promised"  # 承诺件


class Channel(enum.StrEnum):
    WINDOW = "window"
    ONLINE = "online"
    MAIL = "mail"
    KIOSK = "kiosk"


class ResultKind(enum.StrEnum):
    LICENCE = "licence"  # 证照
    APPROVAL = "approval"  # 批文
    OTHER = "other"


class MaterialForm(enum.StrEnum):
    ORIGINAL = "original"  # 原件
    COPY = "copy"  # 复印件
    ORIGINAL_AND_COPY = "original_and_copy"  # 原件和复印件
    ELECTRONIC = "electronic"  # 电子


class Necessity(enum.StrEnum):
    REQUIRED = "required"  # 必要
    OPTIONAL = "optional"  # 非必要
    DEFERRABLE = "deferrable"  # 容缺: may be supplied after acceptance


class MaterialSource(enum.StrEnum):
    APPLICANT = "applicant"  # 申请人自备
    GOVERNMENT = "government"  # 政府部门核发
    THIRD_PARTY = "third_party"  # issued by a hospital, bank, agency …


class CheckMethod(enum.StrEnum):
    """What the clerk does with the paper at the counter."""

    KEEP_ORIGINAL = "keep_original"
    CHECK_ORIGINAL_KEEP_COPY = "check_original_keep_copy"
    KEEP_BOTH = "keep_both"
