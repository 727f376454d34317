# The official Odoo 18 image plus the Python packages our addons declare in
# requirements.txt and their manifests' external_dependencies (today
# `holidays`, which link_protocols needs for bank holidays).
FROM odoo:18.0
USER root
COPY requirements.txt /tmp/link-requirements.txt
RUN pip3 install --no-cache-dir --break-system-packages -r /tmp/link-requirements.txt \
    && rm /tmp/link-requirements.txt
USER odoo
